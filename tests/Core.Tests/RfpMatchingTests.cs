using Marketplace.Core.Catalogue;
using Marketplace.Core.Rfps;

namespace Marketplace.Core.Tests;

public sealed class RfpMatchingTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);
    private static readonly Guid Payroll = CatalogueSeed.Services.Single(s => s.Code == "payroll").Id;
    private static readonly Guid SocialInsurance = CatalogueSeed.Services.Single(s => s.Code == "social-insurance").Id;

    private static readonly RfpContent Rfp = new()
    {
        Title = "給与計算の委託",
        ServiceIds = [Payroll, SocialInsurance],
        RequiredCertifications = ["pmark"],
        CertificationsValidThroughContractEnd = true,
        TransitionStart = new DateOnly(2027, 4, 1),
        ContractTermMonths = 24, // ends 2029-04-01
        ProposalDeadline = new DateTimeOffset(2027, 1, 15, 9, 0, 0, TimeSpan.Zero),
        BcpRequired = true,
        Regions = ["kanto"],
        Languages = ["ja"],
        BudgetMinYen = 200_000,
        BudgetMaxYen = 400_000,
        ClientIndustry = "製造",
        ClientSize = "large",
    };

    private static VendorFacts Vendor(Guid[]? services = null, DateOnly? pmarkTo = null, bool verified = true, bool bcp = true, string[]? regions = null,
        string[]? languages = null, long? fee = 300_000, int? capacity = 20, string[]? industries = null, string[]? sizes = null)
    {
        var to = pmarkTo ?? new DateOnly(2029, 6, 30);
        return new VendorFacts(Guid.NewGuid(), services ?? [Payroll, SocialInsurance], regions ?? ["kanto"], languages ?? ["ja", "en"], bcp, capacity, fee,
            new Dictionary<string, DateOnly> { ["pmark"] = to }, verified ? new Dictionary<string, DateOnly> { ["pmark"] = to } : [],
            industries ?? ["製造業"], sizes ?? ["large"]);
    }

    [Fact]
    public void A_vendor_that_fits_everything_scores_100_with_a_reason_for_every_point()
    {
        var result = RfpMatching.Evaluate(Rfp, Vendor(), Today);
        Assert.True(result.Eligible);
        Assert.Equal(100, result.Score);
        Assert.Equal(result.Score, result.Reasons.Sum(r => r.Points));
        Assert.Equal(["services", "industry", "clientSize", "fee", "capacity", "verified"], result.Reasons.Select(r => r.Code));
        Assert.Contains(result.Reasons, r => r.Ja == "依頼サービス 2 件のうち 2 件を提供しています。");
    }

    public static TheoryData<string, VendorFacts> Excluded => new()
    {
        { "services", Vendor(services: [CatalogueSeed.Services.Single(s => s.Code == "helpdesk").Id]) },
        { "certification:pmark", Vendor(pmarkTo: new DateOnly(2028, 12, 31)) }, // valid now, but not through the contract end
        { "bcp", Vendor(bcp: false) },
        { "regions", Vendor(regions: ["kinki"]) },
        { "languages", Vendor(languages: ["en"]) },
    };

    [Theory]
    [MemberData(nameof(Excluded))]
    public void A_vendor_failing_a_hard_filter_is_not_matched_and_told_why(string code, VendorFacts vendor)
    {
        var result = RfpMatching.Evaluate(Rfp, vendor, Today);
        Assert.False(result.Eligible);
        Assert.Equal(0, result.Score);
        Assert.Equal([code], result.Reasons.Select(r => r.Code));
    }

    [Fact]
    public void Nationwide_serves_every_region_and_validity_at_the_deadline_is_enough_when_the_rfp_does_not_ask_for_the_contract_end()
    {
        Assert.True(RfpMatching.Evaluate(Rfp, Vendor(regions: ["nationwide"]), Today).Eligible);
        var lenient = Rfp with { CertificationsValidThroughContractEnd = false };
        Assert.True(RfpMatching.Evaluate(lenient, Vendor(pmarkTo: new DateOnly(2028, 12, 31)), Today).Eligible);
        Assert.False(RfpMatching.Evaluate(lenient, Vendor(pmarkTo: new DateOnly(2027, 1, 1)), Today).Eligible); // ends before proposals close
    }

    [Fact]
    public void Partial_fit_loses_the_points_it_cannot_explain()
    {
        var result = RfpMatching.Evaluate(Rfp, Vendor(services: [Payroll], verified: false, fee: 500_000, capacity: 3, industries: ["小売"], sizes: ["small"]), Today);
        Assert.True(result.Eligible);
        Assert.Equal(20 + 0 + 5, result.Score); // half the services, fee above budget, small capacity, nothing verified
        Assert.Contains(result.Reasons, r => r.Code == "fee" && r.Points == 0 && r.Ja.Contains("上限を超えます"));
        Assert.DoesNotContain(result.Reasons, r => r.Code is "industry" or "clientSize" or "verified");
    }
}
