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

    [Fact]
    public void Per_unit_prices_are_graduated_by_band_and_a_unit_is_matched_however_it_is_written()
    {
        var price = new Marketplace.Core.Vendors.UnitPrice
        {
            Unit = "1 名",
            Bands = [new() { FromQuantity = 0, PriceYen = 800 }, new() { FromQuantity = 300, PriceYen = 600 }, new() { FromQuantity = 1000, PriceYen = 500 }],
        };
        Assert.Equal(0, price.MonthlyCharge(0));
        Assert.Equal(200 * 800, price.MonthlyCharge(200));
        Assert.Equal(300 * 800 + 50 * 600, price.MonthlyCharge(350)); // the first 300 at 800, the next 50 at 600
        Assert.Equal(300 * 800 + 700 * 600 + 200 * 500, price.MonthlyCharge(1200));
        Assert.True(price.Counts("名"));
        Assert.True(price.Counts("１名")); // full-width digit
        Assert.False(price.Counts("件"));
        Assert.False(new Marketplace.Core.Vendors.UnitPrice { Unit = "10 名" }.Counts("名")); // a pack of ten is another unit
    }

    [Fact]
    public void The_fee_fit_prices_the_expected_volumes_the_vendor_charges_per_unit_and_names_the_ones_it_does_not()
    {
        var rfp = Rfp with
        {
            ExpectedVolumes = [new ExpectedVolume("給与計算", "名", 350), new ExpectedVolume("年末調整", "件", 350)],
        };
        var perHead = new Marketplace.Core.Vendors.UnitPrice { Unit = "1名", Bands = [new() { FromQuantity = 0, PriceYen = 500 }] };
        // 150,000 base + 350 × 500 = 325,000: within the budget, and the year-end adjustment is not priced.
        var within = RfpMatching.Evaluate(rfp, Vendor(fee: 150_000) with { UnitPrices = [perHead] }, Today);
        var fee = Assert.Single(within.Reasons, r => r.Code == "fee");
        Assert.Equal(20, fee.Points);
        Assert.Equal("想定ボリュームでの月額見込み 325,000 円（基本料金と従量 1 項目）は予算の範囲内です。従量単価の記載がない 1 項目は含めていません。", fee.Ja);

        // The same base with a dearer unit price goes over the budget (the base alone would have looked cheap).
        var dear = new Marketplace.Core.Vendors.UnitPrice { Unit = "名", Bands = [new() { FromQuantity = 0, PriceYen = 900 }] };
        var over = RfpMatching.Evaluate(rfp, Vendor(fee: 150_000) with { UnitPrices = [dear] }, Today);
        Assert.Equal(0, Assert.Single(over.Reasons, r => r.Code == "fee").Points);

        // No unit price in the RFP's units: the base alone, as before.
        var baseOnly = RfpMatching.Evaluate(rfp, Vendor(fee: 300_000), Today);
        Assert.Equal("月額基本料金 300,000 円は予算の範囲内です。", Assert.Single(baseOnly.Reasons, r => r.Code == "fee").Ja);
    }
}
