using Marketplace.Contracts;
using Marketplace.Core.Catalogue;
using Marketplace.Core.Data;
using Marketplace.Core.Messaging;
using Marketplace.Core.Planning;
using Marketplace.Core.Rfps;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Demo;

/// <summary>
/// The demo clients' side: the first demo client (the demo person's) gets a work inventory with checked tasks and
/// RFPs in every state: a draft, a published one (announced through the outbox, so the Workers match it) with
/// questions, a clarification and an addendum, a closed one and a cancelled one. Idempotent: a client that has any
/// task is left alone.
/// </summary>
public static class DemoClients
{
    private static readonly (string Name, string Department, string Frequency, decimal Hours, int? Volume, string? Unit, string Expertise, string Substitutability, string[] Yes)[] Tasks =
    [
        ("月次給与計算", "人事部", "monthly", 60, 350, "名", "medium", "hard", ["standardisable", "seasonal", "personDependent", "confidentialData"]),
        ("社会保険の手続き", "人事部", "monthly", 20, 40, "件", "high", "hard", ["standardisable", "specialistKnowledge", "outsideExpertise", "confidentialData"]),
        ("請求書の発行と入金消込", "経理部", "monthly", 45, 1200, "件", "low", "possible", ["standardisable", "seasonal"]),
        ("社内ヘルプデスク一次対応", "情報システム部", "daily", 80, 600, "件", "medium", "possible", ["standardisable", "outsideExpertise"]),
        ("新商品の企画", "商品企画部", "adhoc", 120, null, null, "high", "hard", ["revenueLinked", "competitiveAdvantage", "keepKnowHow", "judgementHeavy"]),
        ("来客受付・備品管理", "総務部", "daily", 30, null, null, "low", "easy", []),
    ];

    /// <returns>How many tasks were added (0 when the demo client already has its inventory).</returns>
    public static async Task<int> SeedAsync(Func<MarketplaceDbContext> createContext, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        var clientName = DemoSeeder.Organisations.First(o => o.Kind == Organisations.OrganisationKind.Client).Name;
        Guid clientId;
        await using (var lookup = createContext())
            clientId = await lookup.Organisations.Where(o => o.Name == clientName).Select(o => o.Id).SingleAsync(cancellationToken);

        await using var db = createContext();
        db.Tenant.Set(clientId);
        if (await db.WorkTasks.AnyAsync(cancellationToken)) return 0;
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var tasks = Tasks.Select((t, i) =>
        {
            var task = new WorkTask(clientId, now.AddMicroseconds(i));
            task.Describe(t.Name, t.Department, t.Frequency, t.Hours, t.Volume, t.Unit, t.Expertise, t.Substitutability, $"{t.Department} 担当", now);
            if (i < Tasks.Length - 1) task.RecordCheck(t.Yes, now); // the last one is left for the newcomer to check
            return task;
        }).ToList();
        db.WorkTasks.AddRange(tasks);

        Guid Service(string code) => CatalogueSeed.Services.Single(s => s.Code == code).Id;
        RfpContent Content(string title, string service, string scope, int volume, string unit, int weeksToDeadline) => new()
        {
            Title = title,
            Purpose = $"{scope}の属人化を解消し、繁忙期でも期限どおりに処理できる体制をつくる。",
            Background = "担当者の退職と業務量の増加で、月末の処理が遅れがちになっている。",
            ClientIndustry = "卸売",
            ClientSize = "medium",
            CurrentState = $"{scope}：月 {volume:N0} {unit}を社内 2 名で処理。例外処理が月 30 件ほどある。",
            CurrentVolumes = [new ExpectedVolume(scope, unit, volume)],
            ScopeIn = [scope],
            ScopeOut = ["業務ルールの変更の判断"],
            ResponsibilityBoundary = "元データの確定までは当社、以降の処理と報告は受託者が行う。",
            Kpis = [new KpiTarget("期限遵守率", "%", 99.5m, "higher"), new KpiTarget("ミス率", "%", 0.1m, "lower")],
            Communication = "双方に窓口を 1 名置き、受託者の責任者が作業を指示する。月次で報告会を行う。",
            TransitionStart = DateOnly.FromDateTime(now.UtcDateTime).AddDays(weeksToDeadline * 7 + 60),
            ParallelRunWeeks = 8,
            TransitionPlan = "2 か月の並走期間ののち切り替え、手順書を受託者が更新する。",
            RequiredCertifications = ["pmark"],
            CertificationsValidThroughContractEnd = true,
            SecurityRequirements = "アクセス権限は最小限とし、操作ログを 1 年保管する。再委託は事前承認制。",
            BcpRequired = true,
            ContractTermMonths = 24,
            BudgetMinYen = 200_000,
            BudgetMaxYen = 450_000,
            ExpectedVolumes = [new ExpectedVolume(scope, unit, volume)],
            QuestionDeadline = now.AddDays(weeksToDeadline * 7 - 7),
            ProposalDeadline = now.AddDays(weeksToDeadline * 7),
            ServiceIds = [Service(service)],
            ReadinessDone = ["purpose", "kpis", "scope", "coreNonCore", "dataHandling", "ownerContact"],
        };

        var draft = new Rfp(clientId, Content("請求書発行・入金消込の委託", "invoice-processing", "請求書の発行と入金消込", 1200, "件", 6) with
        {
            Kpis = [], TransitionPlan = null, // still being written: the builder lists what is missing
        }, now);
        var published = new Rfp(clientId, Content("月次給与計算業務の委託", "payroll", "月次給与計算", 350, "名", 4), now);
        var closed = new Rfp(clientId, Content("社会保険手続きの委託", "social-insurance", "社会保険の手続き", 40, "件", -1), now); // its deadline passed a week ago
        var cancelled = new Rfp(clientId, Content("社内ヘルプデスクの委託", "helpdesk", "社内ヘルプデスク一次対応", 600, "件", 5), now);
        db.Rfps.AddRange(draft, published, closed, cancelled);
        foreach (var rfp in new[] { published, closed, cancelled })
        {
            db.RfpVersions.Add(rfp.Publish(now));
            db.EnqueueMessage(new RfpPublished(rfp.Id, clientId, 1, now), clientId, clock);
        }
        db.RfpDeadlines.Add(new RfpDeadline(published.Id, clientId, published.Content.ProposalDeadline!.Value));
        closed.Close(now); // as if its deadline had passed
        cancelled.Cancel("社内で体制を見直すことになったため、今回の募集を中止いたします。ご検討いただいた皆様に感謝申し上げます。", now);
        db.RfpListings.AddRange(new[] { published, closed, cancelled }.Select(r => new RfpListing(r, clientName, now)));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        await SeedQuestionsAndAddendumAsync(createContext, clientId, published.Id, clock, cancellationToken);
        return tasks.Count;
    }

    /// <summary>
    /// Two demo vendors take part in the published RFP and ask; the client answers one, clarifies on its own, and
    /// publishes an addendum (version 2, matched again by the Workers). Each side writes as itself (row-level security).
    /// </summary>
    private static async Task SeedQuestionsAndAddendumAsync(Func<MarketplaceDbContext> createContext, Guid clientId, Guid rfpId, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var vendorNames = DemoSeeder.Organisations.Where(o => o.Kind == Organisations.OrganisationKind.Vendor).Take(2).Select(o => o.Name).ToList();
        List<Guid> vendors;
        await using (var lookup = createContext())
            vendors = await lookup.Organisations.Where(o => vendorNames.Contains(o.Name)).OrderBy(o => o.Name).Select(o => o.Id).ToListAsync(cancellationToken);
        string[] questions = ["年末調整は委託範囲に含まれますか。含まれる場合、対象人数を教えてください。", "給与明細は電子交付で差し支えありませんか。"];
        Guid answered = Guid.Empty;
        for (var i = 0; i < vendors.Count; i++)
        {
            await using var vendor = createContext();
            vendor.Tenant.Set(vendors[i]);
            vendor.RfpParticipants.Add(new RfpParticipant(rfpId, vendors[i], clientId, now));
            var question = RfpQuestion.Ask(rfpId, clientId, vendors[i], questions[i], now.AddMinutes(i));
            vendor.RfpQuestions.Add(question);
            if (i == 0) answered = question.Id;
            await vendor.SaveChangesAsync(cancellationToken);
        }

        await using var db = createContext();
        db.Tenant.Set(clientId);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        (await db.RfpQuestions.SingleAsync(q => q.Id == answered, cancellationToken))
            .AnswerWith("含みます。対象は約 350 名で、扶養控除等申告書の回収から源泉徴収票の作成までをお願いします。", now.AddMinutes(5));
        db.RfpQuestions.Add(RfpQuestion.Clarify(rfpId, clientId, "勤怠データは毎月 3 営業日目に CSV でお渡しします。", now.AddMinutes(6)));
        var rfp = await db.Rfps.SingleAsync(r => r.Id == rfpId, cancellationToken);
        var second = rfp.PublishAddendum(rfp.Content with
        {
            ScopeIn = [.. rfp.Content.ScopeIn, "年末調整"],
            CurrentState = rfp.Content.CurrentState + "\n年末調整：約 350 名分を 11〜12 月に処理。",
        }, "質疑を受けて、委託範囲に年末調整を加えました。", now.AddMinutes(7));
        db.RfpVersions.Add(second);
        (await db.RfpListings.SingleAsync(l => l.RfpId == rfpId, cancellationToken)).Update(rfp, now);
        db.EnqueueMessage(new RfpPublished(rfpId, clientId, second.Number, now), clientId, clock);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
