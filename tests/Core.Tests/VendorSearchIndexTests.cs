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
        "everything", "給与", "payroll", "payroll-kanto", "isms-verified", "pmark-next-year", "bcp-en-capacity", "fee-band", "kpo-調査");

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
