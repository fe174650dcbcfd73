using Marketplace.Core.Hosting;
using Marketplace.Core.Planning;
using Marketplace.Core.Vendors;

namespace Marketplace.Core.Rfps;

/// <param name="Field">The content's field the problem is about (camelCase, as the Api names it).</param>
public sealed record RfpProblem(string Field, string Ja, string En);

/// <summary>
/// What must hold before an RFP is published, checked all at once so that the author sees every problem together:
/// the required sections, every row of the KPI and volume tables filled, deadlines in the future and in order, weights
/// that sum to 100, at least one KPI.
/// </summary>
public static class RfpPublishing
{
    /// <param name="published">For an addendum, the version in force: a question deadline it already had may have
    /// passed, and the visibility cannot change (who may see the RFP was settled when it was published).</param>
    public static List<RfpProblem> Problems(RfpContent c, DateTimeOffset now, RfpContent? published = null)
    {
        var problems = new List<RfpProblem>();
        void Add(string field, string ja, string en) => problems.Add(new(field, ja, en));
        void Text(string field, string? value, string ja, string en)
        {
            if (string.IsNullOrWhiteSpace(value)) Add(field, $"{ja}を入力してください。", $"{en} is required.");
        }

        Text("title", c.Title, "件名", "The title");
        Text("purpose", c.Purpose, "目的", "The purpose");
        Text("currentState", c.CurrentState, "現状", "The current state");
        if (c.ScopeIn.Length == 0) Add("scopeIn", "委託範囲（対象業務）を 1 つ以上入力してください。", "List at least one task in scope.");
        Text("responsibilityBoundary", c.ResponsibilityBoundary, "責任分界点", "The responsibility boundary");
        if (c.Kpis.Length == 0) Add("kpis", "KPI・SLA の目標を 1 つ以上設定してください。", "Set at least one KPI/SLA target.");
        for (var i = 0; i < c.Kpis.Length; i++)
        {
            var (kpi, row) = (c.Kpis[i], i + 1);
            if (string.IsNullOrWhiteSpace(kpi.Metric)) Add($"kpis[{i}].metric", $"KPI {row} 行目：指標名を入力してください。", $"KPI row {row}: the metric is required.");
            if (string.IsNullOrWhiteSpace(kpi.Unit)) Add($"kpis[{i}].unit", $"KPI {row} 行目：単位を入力してください。", $"KPI row {row}: the unit is required.");
            if (kpi.Target is null) Add($"kpis[{i}].target", $"KPI {row} 行目：目標値を入力してください。", $"KPI row {row}: the target is required.");
            if (kpi.Direction is null)
                Add($"kpis[{i}].direction", $"KPI {row} 行目：「{KpiTarget.Directions["higher"].Ja}」か「{KpiTarget.Directions["lower"].Ja}」かを選んでください。",
                    $"KPI row {row}: choose whether {KpiTarget.Directions["higher"].En} or {KpiTarget.Directions["lower"].En}.");
        }
        // Proposals commit to each KPI by its metric: two rows of one name would be one commitment.
        foreach (var twice in c.Kpis.Select((k, i) => (Metric: k.Metric?.Trim(), i)).Where(k => !string.IsNullOrEmpty(k.Metric)).GroupBy(k => k.Metric).Where(g => g.Count() > 1))
            Add($"kpis[{twice.Last().i}].metric", $"KPI「{twice.Key}」が 2 回あります。1 行にまとめてください。", $"The KPI \"{twice.Key}\" appears twice: keep one row.");
        Text("communication", c.Communication, "コミュニケーション設計", "The communication design");
        Text("transitionPlan", c.TransitionPlan, "移行計画", "The transition plan");
        if (c.ServiceIds.Length == 0) Add("serviceIds", "依頼するサービスを 1 つ以上選んでください。", "Choose at least one service.");
        if (c.ContractTermMonths is null) Add("contractTermMonths", "契約期間を入力してください。", "The contract term is required.");
        if (c.BudgetMinYen is null || c.BudgetMaxYen is null) Add("budgetMaxYen", "予算の範囲を入力してください。", "The budget range is required.");
        if (c.ExpectedVolumes.Length == 0)
            Add("expectedVolumes", "費用比較に使う想定ボリュームを 1 つ以上入力してください。", "Give at least one expected volume for the cost comparison.");
        foreach (var (field, rows, ja, en) in new[] { ("currentVolumes", c.CurrentVolumes, "現状のボリューム", "Current volume"), ("expectedVolumes", c.ExpectedVolumes, "想定ボリューム", "Expected volume") })
            for (var i = 0; i < rows.Length; i++)
            {
                var (volume, row) = (rows[i], i + 1);
                if (string.IsNullOrWhiteSpace(volume.Item)) Add($"{field}[{i}].item", $"{ja} {row} 行目：項目を入力してください。", $"{en} row {row}: the item is required.");
                if (string.IsNullOrWhiteSpace(volume.Unit)) Add($"{field}[{i}].unit", $"{ja} {row} 行目：単位を入力してください。", $"{en} row {row}: the unit is required.");
                if (volume.MonthlyQuantity is null)
                    Add($"{field}[{i}].monthlyQuantity", $"{ja} {row} 行目：月間数量を入力してください。", $"{en} row {row}: the monthly quantity is required.");
            }

        if (c.QuestionDeadline is null) Add("questionDeadline", "質問の締切を入力してください。", "The question deadline is required.");
        else if (c.QuestionDeadline <= now && c.QuestionDeadline != published?.QuestionDeadline) Add("questionDeadline", "質問の締切は現在より後にしてください。", "The question deadline must be in the future.");
        if (c.ProposalDeadline is null) Add("proposalDeadline", "提案の締切を入力してください。", "The proposal deadline is required.");
        else if (c.ProposalDeadline <= now) Add("proposalDeadline", "提案の締切は現在より後にしてください。", "The proposal deadline must be in the future.");
        if (c.QuestionDeadline is { } q && c.ProposalDeadline is { } p && q >= p)
            Add("questionDeadline", "質問の締切は提案の締切より前にしてください。", "The question deadline must come before the proposal deadline.");
        if (c.TransitionStart is { } start && c.ProposalDeadline is { } deadline && start <= DateOnly.FromDateTime(deadline.UtcDateTime))
            Add("transitionStart", "移行の開始日は提案の締切より後にしてください。", "The transition must start after the proposal deadline.");

        // Published deadlines only move later: an earlier proposal deadline would open the sealed proposals early.
        foreach (var (field, next, current, ja, en) in new[]
                 {
                     ("proposalDeadline", c.ProposalDeadline, published?.ProposalDeadline, "提案の締切", "proposal deadline"),
                     ("questionDeadline", c.QuestionDeadline, published?.QuestionDeadline, "質問の締切", "question deadline"),
                 })
            if (next is { } moved && current is { } before && moved < before)
                Add(field, $"公開後の{ja}は早められません。現在の締切（{JapanDate.Format(before, false)}）以降にしてください。",
                    $"A published RFP's {en} only moves later: choose {JapanDate.Format(before, true)} or later.");

        if (published is not null && c.Visibility != published.Visibility)
            Add("visibility", "公開範囲は公開後に変更できません。", "The visibility cannot change after publishing.");

        var total = c.EvaluationAxes.Sum(a => a.Weight);
        if (total != 100) Add("evaluationAxes", $"評価軸の重みの合計を 100 にしてください（現在 {total}）。", $"The evaluation weights must sum to 100 (now {total}).");
        return problems;
    }

    /// <summary>The disguised-contracting findings over every free text of the RFP, in the reader's language.</summary>
    public static List<DisguisedContractingFinding> Findings(RfpContent content, bool english) =>
        content.Texts().SelectMany(text => DisguisedContractingCheck.Check(text, english)).ToList();

    /// <summary>Known certification codes for <see cref="RfpContent.RequiredCertifications"/>.</summary>
    public static IReadOnlyCollection<string> CertificationCodes => CertificationTypes.Codes;
}
