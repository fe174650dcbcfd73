using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Marketplace.Core.Catalogue;
using Marketplace.TestSupport;

namespace Marketplace.Api.Tests;

/// <summary>
/// The marketplace search and the compare tray, through the Api. Each test's vendors carry a word of their own (the
/// marker), and every search names it, so vendors other tests (or the demo seed) made never change a count here.
/// </summary>
public sealed class MarketplaceSearch(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private ApiFactory Api => fixture.Api;
    private static readonly Guid Payroll = CatalogueSeed.Services.Single(s => s.Code == "payroll").Id;
    private static readonly Guid Bookkeeping = CatalogueSeed.Services.Single(s => s.Code == "bookkeeping").Id;
    private static readonly Guid Helpdesk = CatalogueSeed.Services.Single(s => s.Code == "helpdesk").Id;
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(9)).DateTime);

    private static string Marker() => "mk" + Guid.NewGuid().ToString("N")[..10];

    private sealed record Vendor(Person Owner, Guid Organisation, string Slug, HttpClient Client);

    /// <summary>A vendor with a profile; <paramref name="change"/> edits the profile body before it is saved.</summary>
    private async Task<Vendor> VendorAsync(string marker, Action<Dictionary<string, object?>> change, string? name = null)
    {
        var owner = await People.SignedInAsync(Api);
        var organisation = await owner.CreateOrganisationAsync("vendor", name ?? Database.UniqueName("検索テスト株式会社"));
        var slug = "s-" + Guid.NewGuid().ToString("N")[..16];
        var profile = new Dictionary<string, object?>
        {
            ["slug"] = slug,
            ["summary"] = $"業務を受託します。{marker}",
            ["summaryEn"] = $"Outsourcing partner {marker}",
            ["serviceIds"] = new[] { Payroll },
            ["industries"] = new[] { "製造業" },
            ["caseStudies"] = Array.Empty<object>(),
            ["staffCount"] = 50,
            ["contactEmail"] = owner.Email,
            ["hasBcp"] = false,
            ["monthlyBaseYen"] = 200_000,
            ["regions"] = new[] { "kanto" },
            ["languages"] = new[] { "ja" },
            ["capacityFte"] = 10,
        };
        change(profile);
        var client = owner.Client(organisation);
        var saved = await client.PutAsJsonAsync("/api/v1/vendor-profile", profile);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        return new Vendor(owner, organisation, slug, client);
    }

    private static async Task<Guid> CertifyAsync(Vendor vendor, string type, DateOnly validFrom, DateOnly validTo)
    {
        var response = await vendor.Client.PostAsJsonAsync("/api/v1/vendor-profile/certifications", new
        {
            type, registrationNumber = "IS 1", scope = "全社", issuer = "JQA", validFrom = validFrom.ToString("yyyy-MM-dd"), validTo = validTo.ToString("yyyy-MM-dd"),
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private async Task<JsonElement> SearchAsync(string query, string? language = null)
    {
        var client = Api.CreateClient();
        if (language is not null) client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var response = await client.GetAsync("/api/v1/vendors?" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static List<string> Slugs(JsonElement result) => result.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("slug").GetString()!).ToList();

    private static int Count(JsonElement result, string facet, string value) =>
        result.GetProperty("facets").GetProperty(facet).EnumerateArray().Single(f => f.GetProperty("value").GetString() == value).GetProperty("count").GetInt32();

    private static string Q(string text) => "q=" + Uri.EscapeDataString(text);

    [Fact]
    public async Task Japanese_two_character_words_longer_words_and_English_words_find_the_vendors_that_use_them()
    {
        var marker = Marker();
        var payroll = await VendorAsync(marker, p =>
        {
            p["summary"] = $"給与計算と年末調整を代行します。{marker}";
            p["summaryEn"] = $"Payroll processing {marker}";
        });
        var books = await VendorAsync(marker, p =>
        {
            p["summary"] = $"経理の記帳と月次決算を支援します。{marker}";
            p["summaryEn"] = $"Bookkeeping and monthly closing {marker}";
            p["serviceIds"] = new[] { Bookkeeping };
        });
        var cases = await VendorAsync(marker, p => (p["serviceIds"], p["caseStudies"]) = (new[] { Helpdesk }, new[]
        {
            new { title = "コールセンターの立ち上げ", industry = "小売業", clientSize = "large", description = $"問い合わせ窓口を24時間化。{marker}", year = 2025 },
        }));

        Assert.Equal([payroll.Slug], Slugs(await SearchAsync(Q($"給与 {marker}"))));
        Assert.Equal([books.Slug], Slugs(await SearchAsync(Q($"経理 {marker}"))));
        Assert.Equal([payroll.Slug], Slugs(await SearchAsync(Q($"年末調整 {marker}"))));
        Assert.Equal([books.Slug], Slugs(await SearchAsync(Q($"bookkeeping {marker}"))));
        Assert.Equal([books.Slug], Slugs(await SearchAsync(Q($"BOOKKEEP {marker}"))));            // a prefix, any case
        Assert.Equal([payroll.Slug], Slugs(await SearchAsync(Q($"ｐａｙｒｏｌｌ {marker}"))));   // full-width letters
        Assert.Equal([cases.Slug], Slugs(await SearchAsync(Q($"コールセンター {marker}"))));      // from a case study
        Assert.Empty(Slugs(await SearchAsync(Q($"算代 {marker}"))));                               // pairs that are not in any text
        Assert.Equal(3, (await SearchAsync(Q(marker))).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Facets_count_the_matches_and_filters_combine()
    {
        var marker = Marker();
        var kanto = await VendorAsync(marker, p =>
        {
            p["hasBcp"] = true;
            p["languages"] = new[] { "ja", "en" };
            p["monthlyBaseYen"] = 80_000;
            p["capacityFte"] = 60;
        });
        var nationwide = await VendorAsync(marker, p =>
        {
            p["regions"] = new[] { "nationwide" };
            p["serviceIds"] = new[] { Payroll, Helpdesk };
            p["monthlyBaseYen"] = 500_000;
        });
        var kinki = await VendorAsync(marker, p =>
        {
            p["regions"] = new[] { "kinki" };
            p["serviceIds"] = new[] { Helpdesk };
            p["monthlyBaseYen"] = null;
        });

        var all = await SearchAsync(Q(marker));
        Assert.Equal(3, all.GetProperty("total").GetInt32());
        Assert.Equal(2, Count(all, "regions", "kanto")); // the nationwide vendor serves Kanto too
        Assert.Equal(2, Count(all, "regions", "kinki"));
        Assert.Equal(1, Count(all, "regions", "nationwide"));
        Assert.Equal(2, Count(all, "services", "payroll"));
        Assert.Equal(2, Count(all, "services", "helpdesk"));
        Assert.Equal(2, Count(all, "types", "BPO"));
        Assert.Equal(2, Count(all, "types", "ITO"));
        Assert.Equal(1, Count(all, "languages", "en"));
        Assert.Equal(1, all.GetProperty("facets").GetProperty("bcp").GetInt32());
        Assert.Equal(1, Count(all, "capacityMin", "50"));
        var fees = all.GetProperty("facets").GetProperty("monthlyFee").EnumerateArray().ToList();
        Assert.Equal(1, fees.Single(f => f.GetProperty("min").GetInt64() == 0).GetProperty("count").GetInt32());
        Assert.Equal(1, fees.Single(f => f.GetProperty("min").GetInt64() == 300_000).GetProperty("count").GetInt32());

        Assert.Equal([nationwide.Slug, kanto.Slug], Slugs(await SearchAsync($"{Q(marker)}&region=kanto&sort=fee_desc")));
        Assert.Equal([nationwide.Slug], Slugs(await SearchAsync($"{Q(marker)}&service=payroll&service=helpdesk")));
        Assert.Equal([kanto.Slug], Slugs(await SearchAsync($"{Q(marker)}&bcp=true&language=en")));
        Assert.Equal([nationwide.Slug], Slugs(await SearchAsync($"{Q(marker)}&feeMin=300000&feeMax=600000")));
        Assert.Equal(new[] { nationwide.Slug, kinki.Slug }.Order(), Slugs(await SearchAsync($"{Q(marker)}&type=ITO&region=kinki&service=helpdesk")).Order());
        // A fee range leaves out vendors that state no monthly fee.
        Assert.Equal(new[] { kanto.Slug, nationwide.Slug }.Order(), Slugs(await SearchAsync($"{Q(marker)}&feeMax=1000000")).Order());

        // Filtered: the counts are those of the filtered results.
        var helpdesk = await SearchAsync($"{Q(marker)}&service=helpdesk");
        Assert.Equal(2, helpdesk.GetProperty("total").GetInt32());
        Assert.Equal(1, Count(helpdesk, "services", "payroll"));
        Assert.Equal(0, helpdesk.GetProperty("facets").GetProperty("bcp").GetInt32());
    }

    [Fact]
    public async Task Certifications_count_while_valid_an_expired_one_does_not_and_verified_only_counts_the_checked_ones()
    {
        var marker = Marker();
        var current = await VendorAsync(marker, _ => { });
        await CertifyAsync(current, "isms", Today.AddYears(-1), Today.AddMonths(4));
        var expired = await VendorAsync(marker, _ => { });
        await CertifyAsync(expired, "isms", Today.AddYears(-3), Today.AddDays(-1));
        var verified = await VendorAsync(marker, _ => { });
        var verifiedId = await CertifyAsync(verified, "isms", Today.AddYears(-1), Today.AddYears(2));
        await CertifyAsync(verified, "pmark", Today.AddYears(-1), Today.AddYears(1));
        var future = await VendorAsync(marker, _ => { });
        await CertifyAsync(future, "isms", Today.AddDays(10), Today.AddYears(3)); // not begun yet: not held today

        var all = await SearchAsync(Q(marker));
        Assert.Equal(2, Count(all, "certifications", "isms"));
        Assert.Equal(1, Count(all, "certifications", "pmark"));
        Assert.Equal(0, all.GetProperty("facets").GetProperty("verifiedOnly").GetInt32());
        Assert.Equal(new[] { current.Slug, verified.Slug }.Order(), Slugs(await SearchAsync($"{Q(marker)}&cert=isms")).Order());

        // Valid through a later date: the one ending in four months no longer qualifies.
        var through = Today.AddMonths(6).ToString("yyyy-MM-dd");
        var later = await SearchAsync($"{Q(marker)}&cert=isms&validThrough={through}");
        Assert.Equal([verified.Slug], Slugs(later));
        Assert.Equal(through, later.GetProperty("validThrough").GetString());

        // Expiry flags on the cards.
        var card = all.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("slug").GetString() == current.Slug);
        Assert.Equal("expiring", card.GetProperty("certifications")[0].GetProperty("status").GetString());
        var lapsed = all.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("slug").GetString() == expired.Slug);
        Assert.Equal("expired", lapsed.GetProperty("certifications")[0].GetProperty("status").GetString());

        // Verified by an operator: counted under "verified only", and the search entry changed in the same save.
        using (var form = new MultipartFormDataContent())
        {
            form.Add(new ByteArrayContent("%PDF-1.7\n%%EOF\n"u8.ToArray()) { Headers = { ContentType = new("application/pdf") } }, "file", "isms.pdf");
            Assert.Equal(HttpStatusCode.OK, (await verified.Client.PutAsync($"/api/v1/vendor-profile/certifications/{verifiedId}/evidence", form)).StatusCode);
        }
        var operatorPerson = await People.OperatorAsync(Api);
        Assert.Equal(HttpStatusCode.OK, (await operatorPerson.Client().PostAsync($"/api/v1/operator/certifications/{verifiedId}/verify", null)).StatusCode);
        var checkedOnly = await SearchAsync($"{Q(marker)}&verifiedOnly=true");
        Assert.Equal([verified.Slug], Slugs(checkedOnly));
        Assert.Equal(1, Count(checkedOnly, "certifications", "isms"));
        Assert.Equal(0, Count(checkedOnly, "certifications", "pmark")); // held, but not verified
        Assert.Empty(Slugs(await SearchAsync($"{Q(marker)}&verifiedOnly=true&cert=pmark")));
    }

    [Fact]
    public async Task The_search_entry_follows_the_profile_and_the_certifications()
    {
        var marker = Marker();
        var vendor = await VendorAsync(marker, _ => { });
        var certification = await CertifyAsync(vendor, "soc2", Today.AddYears(-1), Today.AddYears(1));
        Assert.Equal([vendor.Slug], Slugs(await SearchAsync($"{Q(marker)}&cert=soc2")));

        Assert.Equal(HttpStatusCode.NoContent, (await vendor.Client.DeleteAsync($"/api/v1/vendor-profile/certifications/{certification}")).StatusCode);
        Assert.Empty(Slugs(await SearchAsync($"{Q(marker)}&cert=soc2")));

        // A profile that names no service is not listed.
        var profile = await vendor.Client.GetFromJsonAsync<JsonElement>("/api/v1/vendor-profile");
        var body = JsonSerializer.Deserialize<Dictionary<string, object?>>(profile.GetProperty("profile").GetRawText())!;
        body["serviceIds"] = Array.Empty<Guid>();
        Assert.Equal(HttpStatusCode.OK, (await vendor.Client.PutAsJsonAsync("/api/v1/vendor-profile", body)).StatusCode);
        Assert.Equal(0, (await SearchAsync(Q(marker))).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Pages_follow_a_signed_cursor_in_every_sort_and_a_tampered_or_foreign_cursor_is_refused()
    {
        var marker = Marker();
        var fees = new long?[] { 300_000, 100_000, null, 200_000, 100_000 };
        var vendors = new List<Vendor>();
        foreach (var fee in fees) vendors.Add(await VendorAsync(marker, p => p["monthlyBaseYen"] = fee));

        foreach (var sort in new[] { "relevance", "fee_asc", "fee_desc" })
        {
            var seen = new List<string>();
            string? cursor = null;
            var pages = 0;
            do
            {
                var page = await SearchAsync($"{Q(marker)}&sort={sort}&limit=2" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
                Assert.Equal(5, page.GetProperty("total").GetInt32());
                seen.AddRange(Slugs(page));
                cursor = page.GetProperty("nextCursor").GetString();
                pages++;
            } while (cursor is not null);
            Assert.Equal(3, pages);
            Assert.Equal(vendors.Select(v => v.Slug).Order(), seen.Order()); // every vendor once
            if (sort == "fee_asc")
            {
                var order = seen.Select(s => fees[vendors.FindIndex(v => v.Slug == s)]).ToList();
                Assert.Equal(new long?[] { 100_000, 100_000, 200_000, 300_000, null }, order); // no stated fee: last
            }
            if (sort == "fee_desc")
                Assert.Equal(new long?[] { 300_000, 200_000, 100_000, 100_000, null }, seen.Select(s => fees[vendors.FindIndex(v => v.Slug == s)]).ToList());
        }

        var first = await SearchAsync($"{Q(marker)}&limit=2");
        var next = first.GetProperty("nextCursor").GetString()!;
        var tampered = next[..^4] + (next[^4] == 'A' ? 'B' : 'A') + next[^3..];
        await AssertFieldErrorAsync($"{Q(marker)}&limit=2&cursor={Uri.EscapeDataString(tampered)}", "cursor");
        await AssertFieldErrorAsync($"{Q(marker)}&limit=2&cursor=not-a-cursor", "cursor");
        // A cursor continues only the search it came from.
        await AssertFieldErrorAsync($"{Q(marker)}&limit=2&sort=fee_asc&cursor={Uri.EscapeDataString(next)}", "cursor");
    }

    private async Task<JsonElement> AssertFieldErrorAsync(string query, string field, string? language = null)
    {
        var client = Api.CreateClient();
        if (language is not null) client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var response = await client.GetAsync("/api/v1/vendors?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{query} should name {field}: {problem}");
        return problem;
    }

    [Fact]
    public async Task Public_search_and_comparison_never_show_a_vendors_contact_address_or_evidence()
    {
        var marker = Marker();
        var a = await VendorAsync(marker, _ => { });
        var b = await VendorAsync(marker, _ => { });
        var certification = await CertifyAsync(a, "isms", Today.AddYears(-1), Today.AddYears(1));
        using (var form = new MultipartFormDataContent())
        {
            form.Add(new ByteArrayContent("%PDF-1.7\n%%EOF\n"u8.ToArray()) { Headers = { ContentType = new("application/pdf") } }, "file", "秘密の登録証.pdf");
            Assert.Equal(HttpStatusCode.OK, (await a.Client.PutAsync($"/api/v1/vendor-profile/certifications/{certification}/evidence", form)).StatusCode);
        }
        var anonymous = Api.CreateClient();
        foreach (var path in new[] { $"/api/v1/vendors?{Q(marker)}", $"/api/v1/vendors/compare?slug={a.Slug}&slug={b.Slug}", $"/api/v1/vendors/compare/export?slug={a.Slug}&slug={b.Slug}" })
        {
            var body = await anonymous.GetStringAsync(path);
            Assert.DoesNotContain(a.Owner.Email, body);
            Assert.DoesNotContain("秘密の登録証", body);
            Assert.DoesNotContain(certification.ToString(), body);
        }
    }

    [Fact]
    public async Task Bad_search_input_is_a_field_error_in_the_readers_language()
    {
        var problem = await AssertFieldErrorAsync(Q(new string('給', 250)), "q");
        Assert.Contains("200 文字以内", problem.GetProperty("errors").GetProperty("q")[0].GetString());
        var english = await AssertFieldErrorAsync("service=no-such-service", "service", "en");
        Assert.Contains("no-such-service", english.GetProperty("errors").GetProperty("service")[0].GetString());
        await AssertFieldErrorAsync("region=atlantis", "region");
        await AssertFieldErrorAsync("language=xx", "language");
        await AssertFieldErrorAsync("cert=iso14001", "cert");
        await AssertFieldErrorAsync("type=XYZ", "type");
        await AssertFieldErrorAsync("feeMin=500000&feeMax=100000", "feeMax");
        await AssertFieldErrorAsync("feeMin=-1", "feeMin");
        await AssertFieldErrorAsync("capacityMin=abc", "capacityMin");
        await AssertFieldErrorAsync($"validThrough={Today.AddDays(-1):yyyy-MM-dd}", "validThrough");
        await AssertFieldErrorAsync("validThrough=2027-02-30", "validThrough");
        await AssertFieldErrorAsync("verifiedOnly=yes", "verifiedOnly");
        await AssertFieldErrorAsync("sort=cheapest", "sort");
        await AssertFieldErrorAsync("limit=0", "limit");
        await AssertFieldErrorAsync("limit=51", "limit");
        await AssertFieldErrorAsync(string.Join('&', Enumerable.Range(0, 21).Select(i => $"region=r{i}")), "region");
    }

    [Fact]
    public async Task The_compare_tray_puts_vendors_side_by_side_with_expiry_flags_differences_and_a_csv_file()
    {
        var marker = Marker();
        var a = await VendorAsync(marker, p => { p["hasBcp"] = true; p["monthlyBaseYen"] = 150_000; });
        await CertifyAsync(a, "isms", Today.AddYears(-2), Today.AddMonths(3));
        var b = await VendorAsync(marker, p => { p["hasBcp"] = true; p["monthlyBaseYen"] = 150_000; });
        await CertifyAsync(b, "isms", Today.AddYears(-3), Today.AddDays(-5));
        var c = await VendorAsync(marker, p => { p["hasBcp"] = false; p["monthlyBaseYen"] = 90_000; p["backupStructure"] = "=1+1"; });
        await CertifyAsync(c, "pmark", Today.AddYears(-1), Today.AddYears(2));

        var query = $"slug={a.Slug}&slug={b.Slug}&slug={c.Slug}";
        var comparison = await Api.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/vendors/compare?" + query);
        Assert.Equal([a.Slug, b.Slug, c.Slug], comparison.GetProperty("vendors").EnumerateArray().Select(v => v.GetProperty("slug").GetString()!));
        var rows = comparison.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("key").GetString()!);
        Assert.Equal(["services", "certifications", "bcp", "fees", "trackRecord", "organisation", "security", "coverage"],
            rows.Values.Select(r => r.GetProperty("section").GetString()!).Distinct());
        Assert.True(rows["hasBcp"].GetProperty("differs").GetBoolean());
        Assert.True(rows["monthlyBase"].GetProperty("differs").GetBoolean());
        Assert.False(rows["services"].GetProperty("differs").GetBoolean());
        Assert.Equal("150,000 円", rows["monthlyBase"].GetProperty("cells")[0].GetProperty("text").GetString());
        var certificationCells = rows["certifications"].GetProperty("cells");
        Assert.Equal("expiring", certificationCells[0].GetProperty("certifications")[0].GetProperty("status").GetString());
        Assert.Equal("expired", certificationCells[1].GetProperty("certifications")[0].GetProperty("status").GetString());
        Assert.Equal("valid", certificationCells[2].GetProperty("certifications")[0].GetProperty("status").GetString());
        Assert.Contains("期限切れ", certificationCells[1].GetProperty("text").GetString());

        var csv = await Api.CreateClient().GetAsync("/api/v1/vendors/compare/export?" + query);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", csv.Content.Headers.ContentDisposition!.DispositionType);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("比較項目,", text);
        Assert.Contains("月額基本料金（円・税抜）,\"150,000 円\",\"150,000 円\",\"90,000 円\"", text);
        Assert.Contains("\"'=1+1\"", text); // a formula-like text is escaped, not run by a spreadsheet
        Assert.DoesNotContain(",=1+1", text);

        foreach (var bad in new[] { $"slug={a.Slug}", string.Join('&', Enumerable.Range(0, 6).Select(i => $"slug=v{i}")), $"slug={a.Slug}&slug=no-such-vendor", $"slug={a.Slug}&slug=bad%00slug" })
        {
            var response = await Api.CreateClient().GetAsync("/api/v1/vendors/compare?" + bad);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("slug", out _));
        }
        // An address no vendor can have is simply not found.
        Assert.Equal(HttpStatusCode.NotFound, (await Api.CreateClient().GetAsync("/api/v1/vendors/Not%20An%20Address")).StatusCode);
    }
}
