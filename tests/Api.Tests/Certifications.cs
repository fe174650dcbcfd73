using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Marketplace.TestSupport;

namespace Marketplace.Api.Tests;

public sealed class Certifications(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private ApiFactory Api => fixture.Api;
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n");

    private static object Isms(string validTo = "2027-03-31") => new
    {
        type = "isms", registrationNumber = "IS 123456", scope = "本社・データセンター", issuer = "JQA", validFrom = "2024-04-01", validTo,
    };

    private async Task<(Person Owner, Guid Organisation)> VendorAsync()
    {
        var owner = await People.SignedInAsync(Api);
        return (owner, await owner.CreateOrganisationAsync("vendor"));
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid certificationId, byte[] content, string fileName, string claimedType)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(claimedType);
        form.Add(file, "file", fileName);
        return await client.PutAsync($"/api/v1/vendor-profile/certifications/{certificationId}/evidence", form);
    }

    private static async Task<Guid> AddAsync(HttpClient client, object? body = null)
    {
        var response = await client.PostAsJsonAsync("/api/v1/vendor-profile/certifications", body ?? Isms());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task A_vendor_adds_evidence_an_operator_verifies_it_and_a_later_change_clears_the_flag()
    {
        var (owner, organisationId) = await VendorAsync();
        var vendor = owner.Client(organisationId);
        var id = await AddAsync(vendor);
        Assert.Equal(HttpStatusCode.OK, (await UploadAsync(vendor, id, Pdf, "ISMS証明書.pdf", "application/pdf")).StatusCode);

        var operatorPerson = await People.OperatorAsync(Api);
        var queue = await operatorPerson.Client().GetFromJsonAsync<JsonElement>("/api/v1/operator/certifications");
        Assert.Contains(queue.EnumerateArray(), q => q.GetProperty("certification").GetProperty("id").GetGuid() == id);
        var evidence = await operatorPerson.Client().GetAsync($"/api/v1/operator/certifications/{id}/evidence");
        Assert.Equal("application/pdf", evidence.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", evidence.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(Pdf, await evidence.Content.ReadAsByteArrayAsync());

        Assert.Equal(HttpStatusCode.OK, (await operatorPerson.Client().PostAsync($"/api/v1/operator/certifications/{id}/verify", null)).StatusCode);
        var listed = await vendor.GetFromJsonAsync<JsonElement>("/api/v1/vendor-profile/certifications");
        Assert.True(listed[0].GetProperty("verified").GetBoolean());

        // Unchanged facts keep the mark; a changed expiry clears it and puts the certification back in the queue.
        Assert.True((await (await vendor.PutAsJsonAsync($"/api/v1/vendor-profile/certifications/{id}", Isms())).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("verified").GetBoolean());
        var changed = await (await vendor.PutAsJsonAsync($"/api/v1/vendor-profile/certifications/{id}", Isms("2028-03-31"))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(changed.GetProperty("verified").GetBoolean());
        queue = await operatorPerson.Client().GetFromJsonAsync<JsonElement>("/api/v1/operator/certifications");
        Assert.Contains(queue.EnumerateArray(), q => q.GetProperty("certification").GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task An_operator_declines_with_a_reason_the_vendor_reads_and_a_change_puts_it_back_in_the_queue()
    {
        var (owner, organisationId) = await VendorAsync();
        var vendor = owner.Client(organisationId);
        var id = await AddAsync(vendor);
        (await UploadAsync(vendor, id, Pdf, "ISMS証明書.pdf", "application/pdf")).EnsureSuccessStatusCode();
        var operatorPerson = await People.OperatorAsync(Api);
        var operatorClient = operatorPerson.Client();
        bool Queued(JsonElement queue) => queue.EnumerateArray().Any(q => q.GetProperty("certification").GetProperty("id").GetGuid() == id);

        // No reason, no decision; the vendor may not decline its own either.
        var empty = await operatorClient.PostAsJsonAsync($"/api/v1/operator/certifications/{id}/reject", new { reason = "  " });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.True((await empty.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal(HttpStatusCode.Forbidden, (await vendor.PostAsJsonAsync($"/api/v1/operator/certifications/{id}/reject", new { reason = "自分で" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await operatorClient.PostAsJsonAsync($"/api/v1/operator/certifications/{Guid.NewGuid()}/reject", new { reason = "なし" })).StatusCode);

        // Filters: by type and expiring, and a bad filter is a field error.
        Assert.True(Queued(await operatorClient.GetFromJsonAsync<JsonElement>("/api/v1/operator/certifications?type=isms")));
        Assert.False(Queued(await operatorClient.GetFromJsonAsync<JsonElement>("/api/v1/operator/certifications?type=pmark")));
        Assert.False(Queued(await operatorClient.GetFromJsonAsync<JsonElement>("/api/v1/operator/certifications?waitedDays=30")));
        Assert.Equal(HttpStatusCode.BadRequest, (await operatorClient.GetAsync("/api/v1/operator/certifications?type=gold")).StatusCode);

        var declined = await operatorClient.PostAsJsonAsync($"/api/v1/operator/certifications/{id}/reject", new { reason = "登録番号が証憑と一致しません。" });
        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        Assert.False(Queued(await operatorClient.GetFromJsonAsync<JsonElement>("/api/v1/operator/certifications")));
        var mine = (await vendor.GetFromJsonAsync<JsonElement>("/api/v1/vendor-profile/certifications"))[0];
        Assert.Equal("登録番号が証憑と一致しません。", mine.GetProperty("rejection").GetProperty("reason").GetString());
        Assert.False(mine.GetProperty("verified").GetBoolean());
        var notices = await vendor.GetStringAsync("/api/v1/notifications");
        Assert.Contains("certification.rejected", notices);
        Assert.Contains("登録番号が証憑と一致しません。", notices);

        // Corrected, it waits again with no rejection on it.
        var corrected = await (await vendor.PutAsJsonAsync($"/api/v1/vendor-profile/certifications/{id}", Isms("2028-03-31"))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Null, corrected.GetProperty("rejection").ValueKind);
        Assert.True(Queued(await operatorClient.GetFromJsonAsync<JsonElement>("/api/v1/operator/certifications")));
    }

    [Fact]
    public async Task A_vendor_cannot_verify_its_own_certification()
    {
        var (owner, organisationId) = await VendorAsync();
        var id = await AddAsync(owner.Client(organisationId));
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.Client(organisationId).PostAsync($"/api/v1/operator/certifications/{id}/verify", null)).StatusCode);
    }

    [Theory]
    [InlineData("script.pdf", "application/pdf", "<html><script>alert(1)</script></html>")]
    [InlineData("photo.png", "image/png", "GIF89a not a png")]
    [InlineData("empty.pdf", "application/pdf", "")]
    public async Task A_file_that_is_not_really_a_pdf_png_or_jpeg_is_refused_and_nothing_is_attached(string fileName, string claimed, string content)
    {
        var (owner, organisationId) = await VendorAsync();
        var vendor = owner.Client(organisationId);
        var id = await AddAsync(vendor);

        var response = await UploadAsync(vendor, id, Encoding.UTF8.GetBytes(content), fileName, claimed);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("file", out _));
        var listed = await vendor.GetFromJsonAsync<JsonElement>("/api/v1/vendor-profile/certifications");
        Assert.Equal(JsonValueKind.Null, listed[0].GetProperty("evidence").ValueKind);
    }

    [Fact]
    public async Task A_file_over_10_mb_is_refused_by_name_and_a_png_is_taken_by_its_content()
    {
        var (owner, organisationId) = await VendorAsync();
        var vendor = owner.Client(organisationId);
        var id = await AddAsync(vendor);
        var big = new byte[10 * 1024 * 1024 + 1];
        "%PDF-"u8.CopyTo(big);
        var tooBig = await UploadAsync(vendor, id, big, "big.pdf", "application/pdf");
        Assert.Equal(HttpStatusCode.BadRequest, tooBig.StatusCode);
        Assert.Contains("10 MB", (await tooBig.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("file")[0].GetString());

        // Named .pdf, sent as text/plain, but a PNG inside: stored and served as a PNG.
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0];
        var ok = await UploadAsync(vendor, id, png, "scan.pdf", "text/plain");
        Assert.Equal("image/png", (await ok.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("evidence").GetProperty("contentType").GetString());
        var download = await vendor.GetAsync($"/api/v1/vendor-profile/certifications/{id}/evidence");
        Assert.Equal("image/png", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
    }

    [Fact]
    public async Task Bad_dates_and_types_are_field_errors()
    {
        var (owner, organisationId) = await VendorAsync();
        var response = await owner.Client(organisationId).PostAsJsonAsync("/api/v1/vendor-profile/certifications",
            new { type = "iso27k", registrationNumber = "", validFrom = "2026-04-01", validTo = "2025-03-31" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["registrationNumber", "type", "validTo"], errors.EnumerateObject().Select(e => e.Name).Order());
        Assert.Equal("有効期限は有効開始日以降の日付にしてください。", errors.GetProperty("validTo")[0].GetString());
    }

    [Fact]
    public async Task Another_vendor_cannot_read_the_evidence()
    {
        var (owner, organisationId) = await VendorAsync();
        var id = await AddAsync(owner.Client(organisationId));
        await UploadAsync(owner.Client(organisationId), id, Pdf, "e.pdf", "application/pdf");
        var (other, otherOrganisation) = await VendorAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client(otherOrganisation).GetAsync($"/api/v1/vendor-profile/certifications/{id}/evidence")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.Client(otherOrganisation).GetAsync($"/api/v1/operator/certifications/{id}/evidence")).StatusCode);
    }

    [Fact]
    public async Task A_broken_multipart_body_is_a_field_error()
    {
        var (owner, organisationId) = await VendorAsync();
        var vendor = owner.Client(organisationId);
        var id = await AddAsync(vendor);
        var broken = new StringContent("--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF-", Encoding.UTF8);
        broken.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=xyz");
        var response = await vendor.PutAsync($"/api/v1/vendor-profile/certifications/{id}/evidence", broken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("file", out _));
    }
}
