using Marketplace.Core.Awards;
using Marketplace.Core.Data;
using Marketplace.Core.Evaluations;
using Marketplace.Core.Organisations;
using Marketplace.Core.Proposals;
using Marketplace.Core.Rfps;
using Marketplace.Core.Vendors;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Demo;

/// <summary>
/// The first demo client's decisions, so that the comparison and the contract pages are alive on the first run:
/// <list type="bullet">
/// <item>an RFP in evaluation with four proposals (one revised, one withdrawn), two evaluators' submitted scores and a
/// consensus where they disagreed;</item>
/// <item>an awarded RFP with its contract and three months of KPI reviews, one with a missed target.</item>
/// </list>
/// Proposals are sealed by row-level security until the deadline, and vendors may write them only before it. So both RFPs
/// are published with a deadline a few seconds ahead, the vendors propose (with receipt times a week back), the
/// deadline passes, then the client evaluates. Idempotent: nothing happens when the client has either RFP.
/// </summary>
public static class DemoEvaluations
{
    public const string EvaluatingTitle = "請求書処理・支払照合の委託";
    public const string AwardedTitle = "受発注データ入力の委託（2025 年度）";
    /// <summary>A second person at the demo client, in procurement: the other evaluator, who proposes the award and records the KPI reviews.</summary>
    public const string ColleagueEmail = "chotatsu@sakura-bussan.example.jp";
    /// <summary>A third person at the demo client, an admin who approves the award (稟議) and evaluates nothing.</summary>
    public const string ApproverEmail = "kessai@sakura-bussan.example.jp";

    private static readonly TimeSpan Sealed = TimeSpan.FromSeconds(3);

    /// <returns>How many RFPs were added (0 when they are there already).</returns>
    public static async Task<int> SeedAsync(Func<MarketplaceDbContext> createContext, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        var clientName = DemoSeeder.Organisations[0].Name;
        // Vendors the demo client's people do not belong to: never the demo person's own vendor.
        var vendorNames = DemoSeeder.OtherVendors.Select(o => o.Name).ToList();
        Guid clientId, demoPerson;
        Dictionary<string, Guid> vendors;
        await using (var lookup = createContext())
        {
            clientId = await lookup.Organisations.Where(o => o.Name == clientName).Select(o => o.Id).SingleAsync(cancellationToken);
            vendors = await lookup.Organisations.Where(o => vendorNames.Contains(o.Name)).ToDictionaryAsync(o => o.Name, o => o.Id, cancellationToken);
            lookup.Tenant.Set(clientId);
            // The title is inside the jsonb document, which EF reads whole: the client has a handful of RFPs.
            if ((await lookup.Rfps.Select(r => r.Content).ToListAsync(cancellationToken)).Any(c => c.Title is EvaluatingTitle or AwardedTitle)) return 0;
            var normalized = DemoSeeder.DemoEmail.ToUpperInvariant();
            // Without the demo person (no demo password) the decisions are not seeded: an award needs two people.
            if (await lookup.Users.Where(u => u.NormalizedEmail == normalized).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(cancellationToken) is not { } person)
                return 0;
            demoPerson = person;
        }
        Guid colleague, approver;
        await using (var db = createContext())
        {
            colleague = await DemoPeople.EnsureAsync(db, ColleagueEmail, password: null, clock, cancellationToken);
            approver = await DemoPeople.EnsureAsync(db, ApproverEmail, password: null, clock, cancellationToken);
        }
        await DemoPeople.EnsureMemberAsync(createContext, clientId, colleague, OrganisationRoles.Procurement, clock, cancellationToken);
        await DemoPeople.EnsureMemberAsync(createContext, clientId, approver, OrganisationRoles.Admin, clock, cancellationToken);

        var now = clock.GetUtcNow();
        var deadline = now + Sealed;
        var evaluating = await PublishAsync(createContext, clientId, clientName, EvaluatingTitle, "invoice-processing", "請求書の受領・支払照合", 800, "件", deadline, now,
            transitionStart: DateOnly.FromDateTime(now.UtcDateTime).AddMonths(2), cancellationToken);
        var awarded = await PublishAsync(createContext, clientId, clientName, AwardedTitle, "data-entry", "受発注データの入力", 3000, "件", deadline, now,
            transitionStart: DateOnly.FromDateTime(now.UtcDateTime).AddMonths(-4), cancellationToken);

        // The vendors propose while proposals are accepted; their receipt times read as a week before the deadline.
        var week = now.AddDays(-7);
        var offers = new[]
        {
            (Vendor: vendorNames[0], Initial: 300_000L, Monthly: 180_000L, PerUnit: 120L, Kpi: 99.7m, Errors: 0.05m, Revise: true, Withdraw: false),
            (Vendor: vendorNames[1], Initial: 0L, Monthly: 260_000L, PerUnit: 60L, Kpi: 99.5m, Errors: 0.1m, Revise: false, Withdraw: false),
            (Vendor: vendorNames[2], Initial: 500_000L, Monthly: 150_000L, PerUnit: 150L, Kpi: 99.9m, Errors: 0.02m, Revise: false, Withdraw: false),
            (Vendor: vendorNames[3], Initial: 200_000L, Monthly: 200_000L, PerUnit: 100L, Kpi: 99.0m, Errors: 0.2m, Revise: false, Withdraw: true),
        };
        var evaluatingProposals = new List<Guid>();
        foreach (var (offer, i) in offers.Select((o, i) => (o, i)))
            evaluatingProposals.Add(await ProposeAsync(createContext, evaluating, vendors[offer.Vendor], offer.Initial, offer.Monthly, offer.PerUnit, offer.Kpi, offer.Errors,
                offer.Revise, offer.Withdraw, week.AddHours(i), cancellationToken));
        var awardedProposals = new List<Guid>();
        foreach (var (offer, i) in offers.Take(2).Select((o, i) => (o, i)))
            awardedProposals.Add(await ProposeAsync(createContext, awarded, vendors[offer.Vendor], offer.Initial, offer.Monthly, offer.PerUnit - 40, offer.Kpi, offer.Errors,
                revise: false, withdraw: false, week.AddHours(i), cancellationToken));

        var wait = deadline - clock.GetUtcNow() + TimeSpan.FromMilliseconds(200);
        if (wait > TimeSpan.Zero) await Task.Delay(wait, cancellationToken); // the deadline passes: the proposals open

        // The evaluation: both evaluators score every conforming proposal and submit; they disagree on one axis.
        var submitted = evaluatingProposals.Take(3).ToList();
        await EvaluateAsync(createContext, clientId, evaluating, [demoPerson, colleague], submitted, clock,
            consensus: (submitted[0], "security", 4, "ISMS の運用記録を確認し、指摘事項の是正も済んでいるため 4 とする。"), cancellationToken);
        await EvaluateAsync(createContext, clientId, awarded, [demoPerson, colleague], awardedProposals, clock, consensus: null, cancellationToken);
        await AwardAsync(createContext, clientId, awarded, awardedProposals[1], offers[1].Vendor, proposedBy: colleague, approvedBy: approver, clock, cancellationToken);
        return 2;
    }

    private static async Task<Rfp> PublishAsync(Func<MarketplaceDbContext> createContext, Guid clientId, string clientName, string title, string service, string scope,
        int volume, string unit, DateTimeOffset deadline, DateTimeOffset now, DateOnly transitionStart, CancellationToken cancellationToken)
    {
        await using var db = createContext();
        db.Tenant.Set(clientId);
        var content = DemoClients.Content(now, title, service, scope, volume, unit, 2) with
        {
            QuestionDeadline = now.AddDays(-10),
            ProposalDeadline = deadline,
            TransitionStart = transitionStart,
            ContractTermMonths = 12,
            RequiredCertifications = [], // the demo vendors hold various ones: no flag from this
        };
        var rfp = new Rfp(clientId, content, now.AddDays(-21));
        db.Rfps.Add(rfp);
        db.RfpVersions.Add(rfp.Publish(now.AddDays(-21)));
        db.RfpListings.Add(new RfpListing(rfp, clientName, now));
        await db.SaveChangesAsync(cancellationToken);
        return rfp;
    }

    /// <summary>The vendor, as itself, joins the RFP and submits a complete proposal at <paramref name="at"/> (revised or withdrawn after, when asked).</summary>
    internal static async Task<Guid> ProposeAsync(Func<MarketplaceDbContext> createContext, Rfp rfp, Guid vendorId, long initial, long monthly, long perUnit,
        decimal onTime, decimal errors, bool revise, bool withdraw, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var db = createContext();
        db.Tenant.Set(vendorId);
        var profile = await db.VendorProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.OrganisationId == vendorId, cancellationToken);
        var deadline = rfp.Content.ProposalDeadline!.Value;
        var volume = rfp.Content.ExpectedVolumes[0];
        var content = new ProposalContent
        {
            Summary = $"{volume.Item}を専任チームで運用し、月末の集中にも期限どおりに対応します。",
            Fees = new ProposalFees
            {
                InitialYen = initial, MonthlyYen = monthly,
                UnitPrices = [new UnitPrice
                {
                    Unit = $"1 {volume.Unit}",
                    Bands = [new VolumeBand { FromQuantity = 0, PriceYen = perUnit }, new VolumeBand { FromQuantity = volume.MonthlyQuantity!.Value, PriceYen = perUnit * 8 / 10 }],
                }],
                ExtraChargeConditions = withdraw ? ["月 1,000 件を超える場合は 1 件 150 円"] : [],
                StandardInclusions = ["月次報告会", "手順書の更新"],
            },
            Kpis = [new KpiCommitment("期限遵守率", onTime, "ダブルチェック体制"), new KpiCommitment("ミス率", errors)],
            Security = [.. SecurityQuestionnaire.PrefillFrom(profile), .. SecurityQuestionnaire.Questions.Skip(4)
                .Select(q => new SecurityAnswer(q, "ISMS の規程に従い、国内のデータセンターで保管し、契約終了時に消去証明を提出します。"))],
            Bcp = "東京・大阪の 2 拠点で相互に代替します。",
            TransitionPlan = "2 か月の並走で手順書を整え、切り替え後 1 か月は責任者が常駐します。",
            Team = "責任者 1 名、専任 3 名、繁忙期は応援 2 名。",
            Exit = new ExitTerms { ManualHandover = "手順書と FAQ を引き渡します。", DataReturn = "CSV で返却し、消去証明を提出します。", SupportMonths = 3 },
        };
        var proposal = new Proposal(rfp.Id, vendorId, rfp.OrganisationId, content, at);
        // Answers the profile does not give are filled so that every demo proposal is complete.
        proposal.Edit(content with
        {
            Security = SecurityQuestionnaire.Questions.Select(q => content.Security.FirstOrDefault(a => a.Code == q)
                ?? new SecurityAnswer(q, "社内規程に従い対応し、年 1 回の内部監査で確認しています。")).ToArray(),
        }, deadline, at);
        db.Proposals.Add(proposal);
        var first = proposal.Submit(rfp.Version, deadline, at, inForce: null)!;
        db.ProposalVersions.Add(first);
        if (revise)
        {
            proposal.Edit(proposal.Content with { Summary = proposal.Content.Summary + "（質疑回答を踏まえて体制を増強しました）" }, deadline, at.AddDays(2));
            db.ProposalVersions.Add(proposal.Submit(rfp.Version, deadline, at.AddDays(2), first.Content)!);
        }
        if (withdraw) proposal.Withdraw(deadline, at.AddDays(3));
        db.RfpParticipants.Add(new RfpParticipant(rfp.Id, vendorId, rfp.OrganisationId, at));
        await db.SaveChangesAsync(cancellationToken);
        return proposal.Id;
    }

    private static async Task EvaluateAsync(Func<MarketplaceDbContext> createContext, Guid clientId, Rfp rfp, Guid[] evaluators, List<Guid> proposals,
        TimeProvider clock, (Guid Proposal, string Axis, int Score, string Reason)? consensus, CancellationToken cancellationToken)
    {
        await using var db = createContext();
        db.Tenant.Set(clientId);
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await Awarding.StartEvaluationAsync(db, rfp.Id, now, clock, cancellationToken);
        var axes = EvaluationRules.ScoredAxes(rfp.Content);
        foreach (var (evaluator, e) in evaluators.Select((x, i) => (x, i)))
        {
            var panelist = new RfpEvaluator(rfp.Id, clientId, evaluator, now);
            db.RfpEvaluators.Add(panelist);
            foreach (var (proposal, p) in proposals.Select((x, i) => (x, i)))
                foreach (var (axis, a) in axes.Select((x, i) => (x, i)))
                {
                    // A spread that reads like people: proposals differ, evaluators mostly agree, and once they do not.
                    var score = Math.Clamp(4 - p + (a + e) % 2, 1, 5);
                    if (consensus is { } c && c.Proposal == proposal && c.Axis == axis.Code) score = e == 0 ? 5 : 2;
                    db.EvaluationScores.Add(new EvaluationScore(rfp.Id, clientId, evaluator, proposal, axis.Code, score,
                        score >= 4 ? "具体的で根拠がある" : score <= 2 ? "根拠が弱く、追加の確認が必要" : null, now));
                }
            panelist.Submit(now);
        }
        if (consensus is { } agreed)
            db.ConsensusScores.Add(new ConsensusScore(rfp.Id, clientId, agreed.Proposal, agreed.Axis, agreed.Score, agreed.Reason, evaluators[0], now));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task AwardAsync(Func<MarketplaceDbContext> createContext, Guid clientId, Rfp rfp, Guid proposalId, string vendorName, Guid proposedBy,
        Guid approvedBy, TimeProvider clock, CancellationToken cancellationToken)
    {
        await using var db = createContext();
        db.Tenant.Set(clientId);
        var now = clock.GetUtcNow();
        var proposal = await db.Proposals.AsNoTracking().SingleAsync(p => p.Id == proposalId, cancellationToken);
        var award = new RfpAward(rfp.Id, clientId, proposalId, proposal.VendorId, vendorName, "総合評価 1 位。総保有コストも最も低く、ミス率のコミットが目標を満たす。", proposedBy, now);
        db.RfpAwards.Add(award);
        var contract = await Awarding.ApproveAsync(db, award, approvedBy, "承認します。", rfp.Content, now, clock, cancellationToken);
        // Three months of reviews since the transition: on time, one month short of the commitment, then back on track.
        var first = new DateOnly(contract.StartsOn.Year, contract.StartsOn.Month, 1);
        var months = new[] { (99.6m, 0.08m, (string?)null, (string?)null), (99.2m, 0.15m, "月末の受注集中で 3 件が翌日処理になった。", "月末 3 営業日は応援 2 名を追加配置する。"), (99.8m, 0.05m, null, null) };
        foreach (var ((onTime, errors, issues, actions), i) in months.Select((m, i) => (m, i)))
        {
            var review = new KpiReview(contract, first.AddMonths(i + 1), now);
            review.Record([new KpiActual("期限遵守率", onTime), new KpiActual("ミス率", errors)], i == 1 ? "是正計画を確認した。" : "順調。", issues, actions, proposedBy, now);
            db.KpiReviews.Add(review);
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
