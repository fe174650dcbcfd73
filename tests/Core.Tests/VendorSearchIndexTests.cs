using Marketplace.Core.Catalogue;
using Marketplace.Core.Data;
using Marketplace.Core.Organisations;
using Marketplace.Core.Vendors;
using Marketplace.TestSupport;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Marketplace.Core.Tests;

public sealed class SearchTextTests
{
    private static List<string> Terms(string text) => SearchText.Terms(text).Select(t => t.Text).ToList();

    [Fact]
    public void Japanese_runs_become_character_pairs_and_other_letters_words()
    {
        Assert.Equal(["給与", "与計", "計算"], Terms("給与計算"));
        Assert.Equal(["経理"], Terms("経理"));
        Assert.Equal(["it", "ヘル", "ルプ", "プデ", "デス", "スク"], Terms("ITヘルプデスク"));
        Assert.Equal(["iso", "27001", "取得"], Terms("ISO/IEC 27001 取得").Where(t => t != "iec").ToList());
    }

    [Fact]
    public void Width_and_case_are_normalised_before_cutting()
    {
        Assert.Equal(Terms("payroll カナ"), Terms("ＰＡＹＲＯＬＬ ｶﾅ"));
    }

    [Fact]
    public void A_single_kanji_is_a_prefix_term_and_characters_outside_the_basic_plane_separate_terms()
    {
        var single = SearchText.Terms("税");
        Assert.Equal(SearchText.TermKind.SingleCharacter, Assert.Single(single).Kind);
        Assert.Equal(["給与", "計算"], Terms("給与\U00020BB7計算")); // 𠮷 is a surrogate pair: never cut in half
        Assert.Empty(SearchText.Terms("、。！？ -- "));
    }

    [Fact]
    public void The_query_requires_every_term_and_matches_words_as_prefixes()
    {
        Assert.Equal("'給与' & 'pay':*", VendorSearch.TextQuery("給与 pay"));
        Assert.Null(VendorSearch.TextQuery("  "));
    }
}

/// <summary>The search entry is rewritten by the same SaveChanges that changes what it is derived from.</summary>
public sealed class VendorSearchIndexTests
{
    [Fact]
    public async Task Saving_a_vendor_writes_its_entry_with_weighted_terms_and_a_rename_rewrites_it()
    {
        var organisation = new Organisation(Database.UniqueName("索引テスト株式会社"), OrganisationKind.Vendor, "index@example.jp", "ja", DateTimeOffset.UtcNow);
        await using (var db = Database.Open(organisation.Id))
        {
            db.Organisations.Add(organisation);
            db.VendorProfiles.Add(new VendorProfile(organisation.Id, "idx-" + Guid.NewGuid().ToString("N")[..12], DateTimeOffset.UtcNow)
            {
                Summary = "経理の記帳を代行します。",
                ServiceIds = [CatalogueSeed.Services.Single(s => s.Code == "payroll").Id],
                Regions = ["kanto"],
            });
            await db.SaveChangesAsync();
        }

        await using (var connection = await Database.OpenOwnerConnectionAsync())
        {
            await using var command = new NpgsqlCommand("SELECT document::text, type_codes FROM vendor_search_entries WHERE organisation_id = $1", connection)
            {
                Parameters = { new NpgsqlParameter { Value = organisation.Id } },
            };
            await using var reader = await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            var document = reader.GetString(0);
            Assert.Contains("'経理':1B", document);   // the summary
            Assert.Contains("'給与':1B", document);   // the payroll service's name (給与計算)
            Assert.Contains("'索引':1A", document);   // the organisation's name
            Assert.Equal(["BPO"], reader.GetFieldValue<string[]>(1));
        }

        await using (var db = Database.Open(organisation.Id))
        {
            var stored = await db.Organisations.SingleAsync(o => o.Id == organisation.Id);
            db.Entry(stored).Property(o => o.Name).CurrentValue = "改名後株式会社";
            await db.SaveChangesAsync();
            Assert.Equal("改名後株式会社", (await db.VendorSearchEntries.AsNoTracking().SingleAsync(e => e.OrganisationId == organisation.Id)).Name);
        }
    }
}
