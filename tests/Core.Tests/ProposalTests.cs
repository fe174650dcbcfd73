using Marketplace.Core.Proposals;
using Marketplace.Core.Rfps;
using Marketplace.Core.Vendors;

namespace Marketplace.Core.Tests;

public sealed class ProposalLifeCycleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Deadline = Now.AddDays(7);

    private static Proposal Draft() => new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), new ProposalContent { Summary = "初版" }, Now);

    [Fact]
    public void Each_submission_is_a_version_with_its_receipt_time_and_the_rfp_version_it_answers()
    {
        var proposal = Draft();
        var first = proposal.Submit(rfpVersion: 1, Deadline, Now.AddHours(1), inForce: null)!;
        proposal.Edit(proposal.Content with { Summary = "改訂版" }, Deadline, Now.AddHours(2));
        Assert.Equal(ProposalStatus.Submitted, proposal.Status); // editing the working copy leaves the submission standing
        var revised = proposal.Submit(rfpVersion: 2, Deadline, Now.AddHours(3), first.Content)!;

        Assert.Equal((1, 1, "初版", Now.AddHours(1)), (first.Number, first.RfpVersion, first.Content.Summary, first.ReceivedAt));
        Assert.Equal((2, 2, "改訂版", Now.AddHours(3)), (revised.Number, revised.RfpVersion, revised.Content.Summary, revised.ReceivedAt));
        Assert.True(proposal.Conforms(2));
        Assert.False(proposal.Conforms(3)); // an addendum since: it needs re-confirming
    }

    [Fact]
    public void A_withdrawn_proposal_is_submitted_again_only_after_it_is_reopened()
    {
        var proposal = Draft();
        var first = proposal.Submit(1, Deadline, Now, inForce: null)!;
        proposal.Withdraw(Deadline, Now.AddHours(1));
        Assert.False(proposal.Conforms(1));
        Assert.Throws<IllegalProposalTransitionException>(() => proposal.Submit(1, Deadline, Now.AddHours(2), first.Content));
        Assert.Throws<IllegalProposalTransitionException>(() => proposal.Edit(new ProposalContent(), Deadline, Now.AddHours(2)));

        proposal.Reopen(Deadline, Now.AddHours(2));
        Assert.Equal(ProposalStatus.Draft, proposal.Status);
        Assert.Equal(2, proposal.Submit(1, Deadline, Now.AddHours(3), first.Content)!.Number); // after a withdrawal, the same content counts again
    }

    [Fact]
    public void Submitting_again_what_is_in_force_is_no_new_version_but_a_change_or_an_addendum_is()
    {
        var proposal = Draft();
        var first = proposal.Submit(1, Deadline, Now, inForce: null)!;
        Assert.Null(proposal.Submit(1, Deadline, Now.AddSeconds(1), first.Content)); // the second click
        Assert.Equal((1, Now), (proposal.SubmittedVersion, proposal.SubmittedAt));
        Assert.Equal(2, proposal.Submit(2, Deadline, Now.AddHours(1), first.Content)!.Number); // re-confirmed after an addendum
        proposal.Edit(proposal.Content with { Summary = "改訂版" }, Deadline, Now.AddHours(2));
        Assert.Equal(3, proposal.Submit(2, Deadline, Now.AddHours(3), first.Content)!.Number); // revised
    }

    [Fact]
    public void Only_a_submitted_proposal_is_withdrawn_and_only_a_withdrawn_one_reopened()
    {
        Assert.Throws<IllegalProposalTransitionException>(() => Draft().Withdraw(Deadline, Now));
        Assert.Throws<IllegalProposalTransitionException>(() => Draft().Reopen(Deadline, Now));
    }

    [Fact]
    public void Nothing_changes_at_or_after_the_deadline_and_the_refusal_names_it()
    {
        var proposal = Draft();
        var first = proposal.Submit(1, Deadline, Now, inForce: null)!;
        var refused = Assert.Throws<ProposalDeadlinePassedException>(() => proposal.Submit(1, Deadline, Deadline, first.Content));
        Assert.Equal(Deadline, refused.Deadline);
        Assert.Throws<ProposalDeadlinePassedException>(() => proposal.Withdraw(Deadline, Deadline.AddSeconds(1)));
        Assert.Throws<ProposalDeadlinePassedException>(() => proposal.Edit(new ProposalContent(), Deadline, Deadline.AddDays(1)));
        Assert.Equal((ProposalStatus.Submitted, 1), (proposal.Status, proposal.SubmittedVersion));
    }

    [Fact]
    public void What_is_missing_is_named_against_the_rfp()
    {
        var rfp = new RfpContent { Kpis = [new KpiTarget("期限遵守率", "%", 99m, "higher")], BcpRequired = true };
        Assert.Equal(["fees", "kpi:期限遵守率", "security:accessControl", "security:auditLogging", "security:subcontracting", "security:incidentResponse",
            "security:dataHandling", "security:requirements", "bcp", "transitionPlan", "team", "exit"], new ProposalContent().MissingFor(rfp));

        var complete = new ProposalContent
        {
            Fees = new ProposalFees { MonthlyYen = 300_000 },
            Kpis = [new KpiCommitment("期限遵守率", 99.5m)],
            Security = SecurityQuestionnaire.Questions.Select(q => new SecurityAnswer(q, "回答")).ToArray(),
            Bcp = "東京・大阪の 2 拠点", TransitionPlan = "並走 1 か月", Team = "専任 3 名",
            Exit = new ExitTerms { ManualHandover = "手順書を引き渡す", DataReturn = "CSV で返却", SupportMonths = 3 },
        };
        Assert.Empty(complete.MissingFor(rfp));
    }

    [Fact]
    public void The_security_answers_are_prefilled_from_the_profile_answer_library()
    {
        var profile = new VendorProfile(Guid.NewGuid(), "slug", DateTimeOffset.UtcNow) { AccessControl = "役割ベースで付与", IncidentResponse = "1 時間以内に報告" };
        Assert.Equal([new SecurityAnswer("accessControl", "役割ベースで付与"), new SecurityAnswer("incidentResponse", "1 時間以内に報告")],
            SecurityQuestionnaire.PrefillFrom(profile));
    }
}

public sealed class TotalCostTests
{
    // 24 months; 1,200 invoices a month; the proposal: ¥500,000 once, ¥300,000 a month, per invoice ¥100 up to 1,000,
    // ¥80 from 1,000, ¥60 from 5,000 (graduated).
    private static readonly RfpContent Rfp = new()
    {
        ContractTermMonths = 24,
        ExpectedVolumes = [new ExpectedVolume("請求書", "件", 1200), new ExpectedVolume("問い合わせ", "時間", 40)],
    };

    private static readonly ProposalFees Fees = new()
    {
        InitialYen = 500_000, MonthlyYen = 300_000,
        UnitPrices = [new UnitPrice { Unit = "1 件", Bands = [new() { FromQuantity = 0, PriceYen = 100 }, new() { FromQuantity = 1000, PriceYen = 80 }, new() { FromQuantity = 5000, PriceYen = 60 }] }],
    };

    [Fact]
    public void The_total_is_initial_plus_monthly_and_per_unit_charges_over_the_term()
    {
        var cost = TotalCostOfOwnership.Of(Fees, Rfp);
        // Per unit: 1,000 × 100 + 200 × 80 = 116,000 a month.
        Assert.Equal(500_000, cost.InitialYen);
        Assert.Equal(300_000 * 24, cost.MonthlyFeesYen);
        Assert.Equal(116_000 * 24, cost.PerUnitYen);
        Assert.Equal(10_484_000, cost.TotalYen);
        Assert.Equal(24, cost.Months);
        Assert.Equal("時間", Assert.Single(cost.Unpriced).Unit); // the hours are not priced: flagged, not guessed
    }

    [Theory]
    [InlineData(1.2, 10_944_800)] // 1,440: 100,000 + 440 × 80 = 135,200 a month
    [InlineData(0.8, 10_004_000)] // 960: 96,000 a month, all in the first band
    public void The_sensitivity_view_scales_every_volume(double factor, long total) =>
        Assert.Equal(total, TotalCostOfOwnership.Of(Fees, Rfp, (decimal)factor).TotalYen);
}

public sealed class ProposalFlagTests
{
    private static readonly RfpContent Rfp = new()
    {
        TransitionStart = new DateOnly(2027, 4, 1), ContractTermMonths = 24, RequiredCertifications = ["pmark", "isms"],
        Kpis = [new KpiTarget("期限遵守率", "%", 99m, "higher"), new KpiTarget("一次回答時間", "時間", 4m, "lower")],
        ExpectedVolumes = [new ExpectedVolume("請求書", "件", 1200), new ExpectedVolume("問い合わせ", "時間", 40)],
    };

    private static readonly ProposalContent Proposal = new()
    {
        Fees = new ProposalFees { UnitPrices = [new Vendors.UnitPrice { Unit = "件", Bands = [new() { FromQuantity = 0, PriceYen = 100 }] }], ExtraChargeConditions = ["繁忙期の休日対応"] },
        Kpis = [new KpiCommitment("期限遵守率", 98.5m), new KpiCommitment("一次回答時間", 3m)],
    };

    [Fact]
    public void Each_flag_names_what_it_is_about()
    {
        // P-mark ends a day before the contract (2029-04-01); ISMS outlasts it.
        var flags = ProposalFlags.For(Proposal, answeredRfpVersion: 1, Rfp, currentRfpVersion: 2,
            new Dictionary<string, DateOnly> { ["pmark"] = new DateOnly(2029, 3, 31), ["isms"] = new DateOnly(2030, 1, 1) });
        Assert.Equal([new ProposalFlag("notConforming"), new ProposalFlag("certificationExpires", "pmark"), new ProposalFlag("belowTarget", "期限遵守率"),
            new ProposalFlag("extraCharges"), new ProposalFlag("unpriced", "問い合わせ")], flags);
    }

    [Fact]
    public void A_proposal_that_meets_everything_has_no_flags()
    {
        var clean = Proposal with
        {
            Fees = Proposal.Fees with { ExtraChargeConditions = [], UnitPrices = [.. Proposal.Fees.UnitPrices, new Vendors.UnitPrice { Unit = "時間", Bands = [new() { FromQuantity = 0, PriceYen = 3000 }] }] },
            Kpis = [new KpiCommitment("期限遵守率", 99m), new KpiCommitment("一次回答時間", 4m)], // exactly on target in either direction
        };
        Assert.Empty(ProposalFlags.For(clean, 2, Rfp, 2, new Dictionary<string, DateOnly> { ["pmark"] = new DateOnly(2029, 4, 1), ["isms"] = new DateOnly(2030, 1, 1) }));
    }
}
