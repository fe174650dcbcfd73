using Marketplace.Core.Catalogue;
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
            await using var command = new NpgsqlCommand("SELECT d.document::text, e.type_codes FROM vendor_search_entries e JOIN vendor_search_documents d USING (organisation_id) WHERE e.organisation_id = $1", connection)
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

/// <summary>
/// The Api's engine (PostgreSQL for text, memory for the rest) against the same search written wholly in SQL: the
/// same vendors and the same counts, for every kind of criterion, over whatever vendors the test database holds.
/// Alone in its collection: a vendor saved by a parallel test between the two reads would make them differ.
/// </summary>
[Collection(SearchEquivalence.Name)]
public sealed class VendorSearchEngineTests
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(9)).DateTime);
    private static Guid Service(string code) => CatalogueSeed.Services.Single(s => s.Code == code).Id;

    public static TheoryData<string> Searches => new(
        "everything", "給与", "payroll", "payroll-kanto", "isms-verified", "pmark-next-year", "bcp-en-capacity", "fee-band", "kpo-調査",
        "給", "pay", "給与 iso", "nothing-matches");

    private static VendorSearchCriteria Criteria(string name) => name switch
    {
        "everything" => new() { ValidThrough = Today },
        "給与" => new() { ValidThrough = Today, Text = "給与" },
        "payroll" => new() { ValidThrough = Today, Text = "payroll" },
        "payroll-kanto" => new() { ValidThrough = Today, Services = [Service("payroll")], Regions = ["kanto"] },
        "isms-verified" => new() { ValidThrough = Today, Certifications = ["isms"], VerifiedOnly = true },
        "pmark-next-year" => new() { ValidThrough = Today.AddYears(1), Certifications = ["pmark"] },
        "bcp-en-capacity" => new() { ValidThrough = Today, BcpOnly = true, Languages = ["en"], CapacityMin = 10 },
        "fee-band" => new() { ValidThrough = Today, MonthlyFeeMin = 100_000, MonthlyFeeMax = 300_000, Sort = VendorSort.FeeAscending },
        "給" => new() { ValidThrough = Today, Text = "給" },                  // a single kanji: a prefix of pairs
        "pay" => new() { ValidThrough = Today, Text = "pay" },                // a word: a prefix
        "給与 iso" => new() { ValidThrough = Today, Text = "給与 ISO" },      // every term must match
        "nothing-matches" => new() { ValidThrough = Today, Text = "zqzqzq" },
        _ => new() { ValidThrough = Today, Types = ["KPO"], Text = "調査" },
    };

    [Theory]
    [MemberData(nameof(Searches))]
    public async Task The_engine_finds_and_counts_exactly_what_the_SQL_does(string search)
    {
        var criteria = Criteria(search);
        var values = new VendorSearch.FacetValues(["BPO", "ITO", "KPO"], CatalogueSeed.Services.Select(s => s.Id).ToList());
        await using var dataSource = NpgsqlDataSource.Create(TestEnvironment.ConnectionString);
        var engine = new VendorSearchEngine(dataSource);
        var (engineHits, engineFacets) = await engine.SearchAsync(criteria, null, 100_000, values, CatalogueSeed.Services, CancellationToken.None);
        await using var connection = await dataSource.OpenConnectionAsync();
        var (sqlHits, sqlFacets) = await VendorSearch.RunAsync(connection, criteria, null, 100_000, values, CancellationToken.None);

        Assert.Equal(sqlFacets.Total, engineFacets.Total);
        Assert.Equal(sqlHits.Select(h => h.OrganisationId).Order(), engineHits.Select(h => h.OrganisationId).Order());
        Assert.Equal(sqlFacets with { }, engineFacets, new FacetsComparer());
        if (criteria.Sort == VendorSort.FeeAscending)
            Assert.Equal(sqlHits.Select(h => h.Position.FeeKey), engineHits.Select(h => h.Position.FeeKey)); // the same order of fees
    }

    [Theory]
    [InlineData(null)] // appends to its postings
    [InlineData(0)]    // reloads everything at every change
    public async Task The_engine_follows_changes_to_text_and_listing_made_after_it_loaded(int? compactAfterDeadSlots)
    {
        var values = new VendorSearch.FacetValues(["BPO", "ITO", "KPO"], CatalogueSeed.Services.Select(s => s.Id).ToList());
        await using var dataSource = NpgsqlDataSource.Create(TestEnvironment.ConnectionString);
        var engine = new VendorSearchEngine(dataSource, compactAfterDeadSlots);
        await engine.WarmUpAsync(CancellationToken.None);
        var word = "engword" + Guid.NewGuid().ToString("N")[..8];

        async Task<List<Guid>> FindAsync(string text)
        {
            await engine.Compaction; // with compaction at every change: found in the reloaded copy, as in the old one
            return (await engine.SearchAsync(new() { ValidThrough = Today, Text = text }, null, 100, values, CatalogueSeed.Services, CancellationToken.None))
                .Hits.Select(h => h.OrganisationId).ToList();
        }

        // A vendor saved after the engine loaded is found by its words.
        var organisation = new Organisation(Database.UniqueName("追随テスト株式会社"), OrganisationKind.Vendor, "follow@example.jp", "ja", DateTimeOffset.UtcNow);
        await using (var db = Database.Open(organisation.Id))
        {
            db.Organisations.Add(organisation);
            db.VendorProfiles.Add(new VendorProfile(organisation.Id, "fol-" + Guid.NewGuid().ToString("N")[..12], DateTimeOffset.UtcNow)
            {
                Summary = $"{word} の受付を代行します。",
                ServiceIds = [Service("payroll")],
            });
            await db.SaveChangesAsync();
        }
        Assert.Equal([organisation.Id], await FindAsync(word));

        // Its old words stop matching when the text changes; the new ones match.
        await using (var db = Database.Open(organisation.Id))
        {
            var profile = await db.VendorProfiles.SingleAsync(p => p.OrganisationId == organisation.Id);
            profile.Summary = $"{word}x の記帳を代行します。";
            await db.SaveChangesAsync();
        }
        Assert.Empty(await FindAsync(word + " 受付"));
        Assert.Equal([organisation.Id], await FindAsync(word + "x 記帳"));
        Assert.Equal([organisation.Id], await FindAsync(word)); // a word is a prefix: engword… matches engword…x

        // A vendor that offers no service is no longer listed: no text finds it.
        await using (var db = Database.Open(organisation.Id))
        {
            var profile = await db.VendorProfiles.SingleAsync(p => p.OrganisationId == organisation.Id);
            profile.ServiceIds = [];
            await db.SaveChangesAsync();
        }
        Assert.Empty(await FindAsync(word));
    }

    private sealed class FacetsComparer : IEqualityComparer<VendorFacets>
    {
        public bool Equals(VendorFacets? a, VendorFacets? b) => a is not null && b is not null && Describe(a) == Describe(b);
        public int GetHashCode(VendorFacets f) => Describe(f).GetHashCode();

        private static string Describe(VendorFacets f) => string.Join("; ",
            f.Total, string.Join(',', f.Types), string.Join(',', f.Services), string.Join(',', f.Certifications), f.VerifiedOnly, f.Bcp,
            string.Join(',', f.Regions), string.Join(',', f.Languages), string.Join(',', f.CapacityMin), string.Join(',', f.MonthlyFee));
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SearchEquivalence
{
    public const string Name = "Search equivalence (no concurrent writers)";
}

public sealed class TermPostingsTests
{
    private static SearchText.Term Pair(string text) => new(text, SearchText.TermKind.Pair);
    private static SearchText.Term Word(string text) => new(text, SearchText.TermKind.Word);

    private static List<int> Slots(ulong[] bitmap) =>
        Enumerable.Range(0, bitmap.Length * 64).Where(i => (bitmap[i >> 6] & (1UL << (i & 63))) != 0).ToList();

    [Fact]
    public void Pairs_match_exactly_words_as_prefixes_and_every_term_must_match()
    {
        var postings = TermPostings.Empty.With([(0, "給与 payroll"), (1, "給与 pay"), (2, "給付 paypal")], 3);

        Assert.Equal([0, 1], Slots(postings.Matches([Pair("給与")], 1)));
        Assert.Empty(Slots(postings.Matches([Pair("給")], 1)));                              // a pair is never a prefix
        Assert.Equal([0, 1, 2], Slots(postings.Matches([new("給", SearchText.TermKind.SingleCharacter)], 1)));
        Assert.Equal([0, 1, 2], Slots(postings.Matches([Word("pay")], 1)));
        Assert.Equal([0], Slots(postings.Matches([Word("payr")], 1)));
        Assert.Equal([0, 1], Slots(postings.Matches([Pair("給与"), Word("pay")], 1)));
        Assert.Equal([2], Slots(postings.Matches([Pair("給付"), Word("pay")], 1)));
        Assert.Empty(Slots(postings.Matches([Word("zz")], 1)));
    }

    [Fact]
    public void Adding_slots_appends_to_a_new_index_and_a_common_lexeme_turns_into_a_bitmap_with_the_same_slots()
    {
        var first = TermPostings.Empty.With(Enumerable.Range(0, 10).Select(i => (i, "共通 " + (i % 2 == 0 ? "偶数" : "奇数"))).ToList(), 10);
        var second = first.With(Enumerable.Range(10, 190).Select(i => (i, "共通 新規")).ToList(), 200);

        Assert.Equal(10, first.CountOf("共通"));                // the first index is unchanged
        Assert.Equal(0, first.CountOf("新規"));
        Assert.Equal(200, second.CountOf("共通"));              // 200 slots of 200: a bitmap
        Assert.Equal(Enumerable.Range(0, 200).ToList(), Slots(second.Matches([Pair("共通")], 4)));
        Assert.Equal([0, 2, 4, 6, 8], Slots(second.Matches([Pair("偶数")], 4)));
        Assert.Equal(Enumerable.Range(10, 190).ToList(), Slots(second.Matches([Pair("新規")], 4)));
        Assert.True(second.PostingBytes < 200 * 4 * 2, "a lexeme in every slot takes a bitmap (25 bytes for 200 slots), not 800 bytes of slots");
    }
}
