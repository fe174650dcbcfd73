using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Marketplace.TestSupport;

namespace Marketplace.Api.Tests;

/// <summary>
/// The SPA's files go out as the build's brotli or gzip copies to browsers that accept them, the API's JSON is
/// compressed as it is sent, and nothing else changes: types, caching, the fallback page, the OIDC endpoints.
/// </summary>
public sealed class CompressedResponses : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("marketplace-spa-").FullName;
    private readonly byte[] script = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("console.log('市場');\n", 400)));

    public CompressedResponses()
    {
        File.WriteAllText(Path.Combine(root, "index.html"), "<!doctype html><title>Marketplace</title><div id=root></div>");
        Directory.CreateDirectory(Path.Combine(root, "assets"));
        File.WriteAllBytes(Path.Combine(root, "assets", "index-abc123.js"), script);
        File.WriteAllBytes(Path.Combine(root, "assets", "index-abc123.js.br"), Compress(script, s => new BrotliStream(s, CompressionLevel.Optimal)));
        File.WriteAllBytes(Path.Combine(root, "assets", "index-abc123.js.gz"), Compress(script, s => new GZipStream(s, CompressionLevel.Optimal)));
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    private static byte[] Compress(byte[] data, Func<Stream, Stream> compressor)
    {
        var output = new MemoryStream();
        using (var stream = compressor(output)) stream.Write(data);
        return output.ToArray();
    }

    private ApiFactory Api() => new(new Dictionary<string, string?> { ["Spa:RootPath"] = root });

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string path, string? acceptEncoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptEncoding is not null) request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        return await client.SendAsync(request);
    }

    [Theory]
    [InlineData("gzip, deflate, br, zstd", "br")]
    [InlineData("gzip", "gzip")]
    [InlineData("br;q=0, gzip;q=0.8", "gzip")]
    [InlineData(null, null)]
    [InlineData("identity", null)]
    public async Task A_script_is_sent_as_the_builds_copy_the_browser_accepts_and_reads_back_as_the_same_file(string? accept, string? expected)
    {
        await using var api = Api();
        var response = await GetAsync(api.CreateClient(), "/assets/index-abc123.js", accept);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(expected is null ? [] : [expected], response.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString());
        var body = await response.Content.ReadAsByteArrayAsync();
        var decoded = expected switch
        {
            "br" => await DecompressAsync(new BrotliStream(new MemoryStream(body), CompressionMode.Decompress)),
            "gzip" => await DecompressAsync(new GZipStream(new MemoryStream(body), CompressionMode.Decompress)),
            _ => body,
        };
        Assert.Equal(script, decoded);
        if (expected is not null) Assert.True(body.Length < script.Length / 4, $"{body.Length} bytes sent for {script.Length}");
    }

    private static async Task<byte[]> DecompressAsync(Stream stream)
    {
        var output = new MemoryStream();
        await stream.CopyToAsync(output);
        return output.ToArray();
    }

    [Fact]
    public async Task A_missing_asset_or_source_map_is_a_404_while_a_page_address_gets_the_spa_uncached()
    {
        await using var api = Api();
        var client = api.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(client, "/assets/index-abc123.js.map", "br")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(client, "/assets/index-old999.js", "br")).StatusCode);

        foreach (var address in new[] { "/client/rfps", "/vendors/no-such-vendor" }) // the second has its own endpoint
        {
            var page = await GetAsync(client, address, "br");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
            Assert.Contains("no-store", page.Headers.CacheControl?.ToString());
        }
    }

    [Fact]
    public async Task Api_json_is_compressed_for_clients_that_accept_it_and_the_oidc_endpoints_are_not()
    {
        await using var api = Api();
        var client = api.CreateClient();

        var compressed = await GetAsync(client, "/api/v1/catalogue", "br, gzip");
        Assert.Equal(HttpStatusCode.OK, compressed.StatusCode);
        Assert.Equal(["br"], compressed.Content.Headers.ContentEncoding);
        var json = Encoding.UTF8.GetString(await DecompressAsync(new BrotliStream(await compressed.Content.ReadAsStreamAsync(), CompressionMode.Decompress)));
        var plain = await GetAsync(client, "/api/v1/catalogue", null);
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Equal(await plain.Content.ReadAsStringAsync(), json);

        var problem = await GetAsync(client, "/api/v1/no-such-thing", "gzip");
        Assert.Equal(HttpStatusCode.NotFound, problem.StatusCode);
        Assert.Equal(new MediaTypeHeaderValue("application/problem+json").MediaType, problem.Content.Headers.ContentType?.MediaType);

        var discovery = await GetAsync(client, "/.well-known/openid-configuration", "br, gzip");
        Assert.Equal(HttpStatusCode.OK, discovery.StatusCode);
        Assert.Empty(discovery.Content.Headers.ContentEncoding);
    }
}
