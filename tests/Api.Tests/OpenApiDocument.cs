using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.TestSupport;

namespace Marketplace.Api.Tests;

public sealed class OpenApiDocument
{
    [Fact]
    public async Task Is_served_as_openapi_3_with_the_api_paths()
    {
        await using var api = new ApiFactory();
        var response = await api.CreateClient().GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.StartsWith("3.", document.GetProperty("openapi").GetString());
        Assert.Equal("Marketplace API", document.GetProperty("info").GetProperty("title").GetString());
        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/organisations", out var register));
        Assert.True(register.TryGetProperty("post", out _));
        Assert.True(paths.TryGetProperty("/api/v1/organisations/{organisationId}", out _));
        // The catch-all 404 for unknown API routes is not part of the contract.
        Assert.DoesNotContain(paths.EnumerateObject(), p => p.Name.Contains("{path}"));

        // How to get a token, and which operations need one and an organisation.
        var flows = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("oauth2").GetProperty("flows");
        Assert.Equal("/connect/token", flows.GetProperty("clientCredentials").GetProperty("tokenUrl").GetString());
        var listMembers = paths.GetProperty("/api/v1/members").GetProperty("get");
        Assert.True(listMembers.TryGetProperty("security", out _));
        Assert.Contains(listMembers.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "X-Organisation-Id");
        // A public operation says so (security: []), rather than leaving the reader to guess.
        Assert.Equal(0, paths.GetProperty("/api/v1/account/sign-up").GetProperty("post").GetProperty("security").GetArrayLength());
    }

    [Fact]
    public async Task The_interactive_reference_is_served_at_api_docs()
    {
        await using var api = new ApiFactory();
        var response = await api.CreateClient().GetAsync("/api/docs");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Marketplace API", html);
        Assert.Contains("openapi/v1.json", html);
        Assert.Contains("scalar.js", html); // served from the package, not a CDN
    }

    /// <summary>
    /// Redocly CLI's recommended rules over the document the running Api serves: no error and no warning. The rules
    /// turned off, and the one place ignored, say why in OpenApiLint/.
    /// </summary>
    [Fact]
    public async Task Passes_the_redocly_linter_without_an_error_or_a_warning()
    {
        await using var api = new ApiFactory();
        var document = await api.CreateClient().GetStringAsync("/openapi/v1.json");
        var folder = Directory.CreateTempSubdirectory("openapi-lint-").FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "OpenApiLint")))
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        await File.WriteAllTextAsync(Path.Combine(folder, "Marketplace.Api.json"), document);

        var redocly = Path.Combine(TestEnvironment.RepositoryRoot, "src", "Web", "node_modules", ".bin", "redocly");
        Assert.True(File.Exists(redocly), $"{redocly} is missing: ./test.sh installs the SPA's packages (npm ci in src/Web)");
        var start = new System.Diagnostics.ProcessStartInfo(redocly, ["lint", "Marketplace.Api.json", "--config", "redocly.yaml", "--format", "stylish"])
        {
            WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        using var lint = System.Diagnostics.Process.Start(start)!;
        var output = await lint.StandardOutput.ReadToEndAsync() + await lint.StandardError.ReadToEndAsync();
        await lint.WaitForExitAsync();
        Assert.True(lint.ExitCode == 0, output);
        Assert.Contains("Your API description is valid", output);
        Assert.DoesNotContain("warning", output.Replace("Deprecation warning", ""), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Every_operation_documents_its_shared_answers_and_what_its_summary_promises()
    {
        await using var api = new ApiFactory();
        var document = JsonDocument.Parse(await api.CreateClient().GetStringAsync("/openapi/v1.json")).RootElement;
        var missing = new List<string>();
        var tags = document.GetProperty("tags").EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!, t => t.TryGetProperty("description", out _));
        foreach (var path in document.GetProperty("paths").EnumerateObject())
            foreach (var operation in path.Value.EnumerateObject())
            {
                var o = operation.Value;
                var id = o.GetProperty("operationId").GetString();
                var responses = o.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToHashSet();
                var summary = o.TryGetProperty("summary", out var s) ? s.GetString()! : "";
                foreach (System.Text.RegularExpressions.Match code in System.Text.RegularExpressions.Regex.Matches(summary, @"\b[45]\d\d\b"))
                    if (!responses.Contains(code.Value)) missing.Add($"{id}: its summary names {code.Value}");
                var secured = o.GetProperty("security").GetArrayLength() > 0;
                if (secured && !(responses.Contains("401") && responses.Contains("403"))) missing.Add($"{id}: 401 and 403");
                if (path.Name.Contains('{') && !responses.Contains("404")) missing.Add($"{id}: 404 for an unknown id");
                if (o.TryGetProperty("requestBody", out _) && !(responses.Contains("400") && responses.Contains("415"))) missing.Add($"{id}: 400 and 415 for its body");
                foreach (var response in o.GetProperty("responses").EnumerateObject().Where(r => r.Name.StartsWith('4') || r.Name.StartsWith('5')))
                    if (!response.Value.TryGetProperty("content", out var content) || !content.TryGetProperty("application/problem+json", out _))
                        missing.Add($"{id}: {response.Name} as application/problem+json");
                foreach (var tag in o.GetProperty("tags").EnumerateArray())
                    if (!tags.GetValueOrDefault(tag.GetString()!)) missing.Add($"{id}: tag {tag.GetString()} has no description");
            }
        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    [Fact]
    public async Task A_request_schema_requires_exactly_what_its_validator_requires()
    {
        await using var api = new ApiFactory();
        var schemas = JsonDocument.Parse(await api.CreateClient().GetStringAsync("/openapi/v1.json")).RootElement
            .GetProperty("components").GetProperty("schemas");
        string[] Required(string name) => schemas.GetProperty(name).TryGetProperty("required", out var r)
            ? r.EnumerateArray().Select(e => e.GetString()!).Order().ToArray() : [];
        // {} starts an empty draft RFP, so nothing is required of it; signing in needs both fields, and says how long they may be.
        Assert.Empty(Required("CreateRfpRequest"));
        Assert.Equal(["email", "password"], Required("SignInRequest"));
        Assert.Equal(254, schemas.GetProperty("SignInRequest").GetProperty("properties").GetProperty("email").GetProperty("maxLength").GetInt32());
        var owner = await People.SignedInAsync(api);
        var created = await owner.Client(await owner.CreateOrganisationAsync("client")).PostAsJsonAsync("/api/v1/rfps", new { });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }
}
