using Marketplace.Contracts;
using Marketplace.Core.Catalogue;
using Marketplace.Core.Data;
using Marketplace.Core.Messaging;
using Marketplace.Core.Planning;
using Marketplace.Core.Rfps;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Demo;

/// <summary>
/// The demo clients' side. The first demo client (the demo person's) gets a work inventory with checked tasks and
/// RFPs in every state: a draft, a published one (announced through the outbox, so the Workers match it) with
/// questions, a clarification and an addendum, a closed one and a cancelled one. The other two get an inventory, a
/// draft and a published RFP each: the manufacturer's invite-only, the holding company's public, with a sealed proposal
/// from the demo person's own vendor. Idempotent: a client that has any task is left alone.
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

    /// <summary>The other two demo clients: a manufacturer with an invite-only IT outsourcing RFP, a holding company with a public analysis RFP.</summary>
    private static readonly (string Industry, string Size, (string Name, string Department, string Frequency, decimal Hours, int? Volume, string? Unit, string Expertise, string Substitutability, string[] Yes)[] Tasks,
        (string Title, string Service, string Scope, int Volume, string Unit, string Visibility) Published, (string Title, string Service, string Scope, int Volume, string Unit) Draft)[] OtherClients =
    [
        ("製造", "large",
            [
                ("社内ヘルプデスク", "情報システム部", "daily", 120, 900, "件", "medium", "possible", ["standardisable", "outsideExpertise", "seasonal"]),
                ("サーバー監視・障害一次対応", "情報システム部", "daily", 90, 60, "件", "high", "hard", ["standardisable", "specialistKnowledge", "outsideExpertise"]),
                ("受発注データの入力", "購買部", "daily", 70, 3000, "件", "low", "easy", ["standardisable"]),
                ("生産計画の立案", "生産管理部", "weekly", 60, null, null, "high", "hard", ["competitiveAdvantage", "keepKnowHow", "judgementHeavy"]),
            ],
            ("社内ヘルプデスク・サーバー監視の委託", "helpdesk", "社内ヘルプデスク", 900, "件", "invited"),
            ("受発注データ入力の委託", "data-entry", "受発注データの入力", 3000, "件")),
        ("金融", "enterprise",
            [
                ("グループ各社の月次レポート作成", "経営企画部", "monthly", 80, 40, "本", "high", "possible", ["standardisable", "specialistKnowledge", "seasonal"]),
                ("市場動向の調査", "経営企画部", "monthly", 40, 4, "本", "high", "possible", ["outsideExpertise", "specialistKnowledge"]),
                ("投資判断", "経営企画部", "adhoc", 50, null, null, "high", "hard", ["revenueLinked", "competitiveAdvantage", "judgementHeavy", "keepKnowHow"]),
            ],
            ("グループ月次レポート作成の委託", "reporting", "グループ各社の月次レポート作成", 40, "本", "public"),
            ("市場調査の委託", "market-research", "市場動向の調査", 4, "本")),
    ];

    /// <returns>How many tasks were added (0 when every demo client already has its inventory).</returns>
    public static async Task<int> SeedAsync(Func<MarketplaceDbContext> createContext, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        var clients = DemoSeeder.Organisations.Where(o => o.Kind == Marketplace.Core.Organisations.OrganisationKind.Client).Select(o => o.Name).ToList();
        Dictionary<string, Guid> ids;
        await using (var lookup = createContext())
            ids = await lookup.Organisations.Where(o => clients.Contains(o.Name)).ToDictionaryAsync(o => o.Name, o => o.Id, cancellationToken);
        var added = await SeedSakuraAsync(createContext, ids[clients[0]], clients[0], clock, cancellationToken);
        for (var i = 0; i < OtherClients.Length && i + 1 < clients.Count; i++)
            added += await SeedOtherClientAsync(createContext, ids[clients[i + 1]], clients[i + 1], OtherClients[i], clock, cancellationToken);
        return added;
    }

    private static List<WorkTask> InventoryOf(Guid clientId, (string Name, string Department, string Frequency, decimal Hours, int? Volume, string? Unit, string Expertise, string Substitutability, string[] Yes)[] tasks,
        DateTimeOffset now, bool leaveLastUnchecked) =>
        tasks.Select((t, i) =>
        {
            var task = new WorkTask(clientId, now.AddMicroseconds(i));
            task.Describe(t.Name, t.Department, t.Frequency, t.Hours, t.Volume, t.Unit, t.Expertise, t.Substitutability, $"{t.Department} 担当", now);
            if (!leaveLastUnchecked || i < tasks.Length - 1) task.RecordCheck(t.Yes, now);
            return task;
        }).ToList();

    private static Guid Service(string code) => CatalogueSeed.Services.Single(s => s.Code == code).Id;

    /// <summary>A complete RFP for one task, as a careful client writes it (publishable, no disguised-contracting finding).</summary>
    internal static RfpContent Content(DateTimeOffset now, string title, string service, string scope, int volume, string unit, int weeksToDeadline,
        string industry = "卸売", string size = "medium") => new()
        {
            Title = title,
            Purpose = $"{scope}の属人化を解消し、繁忙期でも期限どおりに処理できる体制をつくる。",
            Background = "担当者の退職と業務量の増加で、月末の処理が遅れがちになっている。",
            ClientIndustry = industry,
            ClientSize = size,
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

    /// <summary>
    /// さくら物産: RFPs in every state, and the published one with questions, a clarification and an addendum.
    /// </summary>
    private static async Task<int> SeedSakuraAsync(Func<MarketplaceDbContext> createContext, Guid clientId, string clientName, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        await using var db = createContext();
        db.Tenant.Set(clientId);
        if (await db.WorkTasks.AnyAsync(cancellationToken)) return 0;
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var tasks = InventoryOf(clientId, Tasks, now, leaveLastUnchecked: true); // the last one is left for the newcomer to check
        db.WorkTasks.AddRange(tasks);
        RfpContent Content(string title, string service, string scope, int volume, string unit, int weeksToDeadline) =>
            DemoClients.Content(now, title, service, scope, volume, unit, weeksToDeadline);

        var draft = new Rfp(clientId, Content("請求書発行・入金消込の委託", "invoice-processing", "請求書の発行と入金消込", 1200, "件", 6) with
        {
            Kpis = [],
            TransitionPlan = null, // still being written: the builder lists what is missing
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

    /// <summary>A demo client's inventory, a draft and a published RFP (invite-only ones invite two demo vendors).</summary>
    private static async Task<int> SeedOtherClientAsync(Func<MarketplaceDbContext> createContext, Guid clientId, string clientName,
        (string Industry, string Size, (string Name, string Department, string Frequency, decimal Hours, int? Volume, string? Unit, string Expertise, string Substitutability, string[] Yes)[] Tasks,
            (string Title, string Service, string Scope, int Volume, string Unit, string Visibility) Published, (string Title, string Service, string Scope, int Volume, string Unit) Draft) client,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        await using var db = createContext();
        db.Tenant.Set(clientId);
        if (await db.WorkTasks.AnyAsync(cancellationToken)) return 0;
        var now = clock.GetUtcNow();
        var tasks = InventoryOf(clientId, client.Tasks, now, leaveLastUnchecked: false);
        // Invite-only RFPs invite the two vendors that offer help desks (the first and the last of the others).
        var vendorNames = new[] { DemoSeeder.OtherVendors[0].Name, DemoSeeder.OtherVendors[^1].Name };
        var invited = await db.Organisations.Where(o => vendorNames.Contains(o.Name)).Select(o => o.Id).ToListAsync(cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.WorkTasks.AddRange(tasks);
        var (p, d) = (client.Published, client.Draft);
        var published = new Rfp(clientId, Content(now, p.Title, p.Service, p.Scope, p.Volume, p.Unit, 5, client.Industry, client.Size) with { Visibility = p.Visibility }, now);
        var draft = new Rfp(clientId, Content(now, d.Title, d.Service, d.Scope, d.Volume, d.Unit, 8, client.Industry, client.Size) with { Kpis = [] }, now);
        db.Rfps.AddRange(draft, published);
        db.RfpVersions.Add(published.Publish(now));
        db.RfpDeadlines.Add(new RfpDeadline(published.Id, clientId, published.Content.ProposalDeadline!.Value));
        db.RfpListings.Add(new RfpListing(published, clientName, now));
        if (p.Visibility == "invited")
            db.RfpInvitations.AddRange(invited.Select(vendor => new RfpInvitation(published.Id, vendor, clientId, "demo", now)));
        db.EnqueueMessage(new RfpPublished(published.Id, clientId, 1, now), clientId, clock);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        // The demo person's own vendor takes part in a public RFP of a client it has nothing to do with, as any vendor
        // would: it joins and submits, and the proposal stays sealed from the client until the deadline.
        if (p.Visibility == "public")
            await DemoEvaluations.ProposeAsync(createContext, published, await DemoSeeder.IdOfAsync(createContext, DemoSeeder.DemoVendor.Name, cancellationToken),
                initial: 100_000, monthly: 150_000, perUnit: 5_000, onTime: 99.5m, errors: 0.1m, revise: false, withdraw: false, now, cancellationToken);
        return tasks.Count;
    }

    /// <summary>
    /// Two demo vendors that offer payroll (not the demo person's: the client's people belong to none of them) take
    /// part in the published RFP and ask; the client answers one, clarifies on its own, and publishes an addendum
    /// (version 2, matched again by the Workers). Each side writes as itself (row-level security).
    /// </summary>
    private static async Task SeedQuestionsAndAddendumAsync(Func<MarketplaceDbContext> createContext, Guid clientId, Guid rfpId, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var vendorNames = DemoSeeder.OtherVendors.Skip(1).Take(2).Select(o => o.Name).ToList();
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
            var (question, asker) = RfpQuestion.Ask(rfpId, clientId, vendors[i], questions[i], now.AddMinutes(i));
            vendor.RfpQuestions.Add(question);
            vendor.RfpQuestionAskers.Add(asker);
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
        }, "質疑を受けて、委託範囲に年末調整を加えました。", now.AddMinutes(7), new AddendumOptions());
        db.RfpVersions.Add(second);
        (await db.RfpListings.SingleAsync(l => l.RfpId == rfpId, cancellationToken)).Update(rfp, now);
        db.EnqueueMessage(new RfpPublished(rfpId, clientId, second.Number, now), clientId, clock);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
