using Marketplace.Core.Planning;
using Marketplace.Core.Texts;
using Marketplace.Core.Vendors;

namespace Marketplace.Core.Rfps;

/// <param name="Field">The content's field the problem is about (camelCase, as the Api names it).</param>
public sealed record RfpProblem(string Field, Text Text);

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
        void Add(string field, string code, object? arguments = null) => problems.Add(new(field, Text.Of(code, arguments)));
        void Required(string field, string? value)
        {
            if (string.IsNullOrWhiteSpace(value)) Add(field, "rfp.problem.required", new { section = Text.Of($"rfp.section.{field}") });
        }

        Required("title", c.Title);
        Required("purpose", c.Purpose);
        Required("currentState", c.CurrentState);
        if (c.ScopeIn.Length == 0) Add("scopeIn", "rfp.problem.scopeIn");
        Required("responsibilityBoundary", c.ResponsibilityBoundary);
        if (c.Kpis.Length == 0) Add("kpis", "rfp.problem.kpis");
        for (var i = 0; i < c.Kpis.Length; i++)
        {
            var (kpi, row) = (c.Kpis[i], i + 1);
            if (string.IsNullOrWhiteSpace(kpi.Metric)) Add($"kpis[{i}].metric", "rfp.problem.kpiMetric", new { row });
            if (string.IsNullOrWhiteSpace(kpi.Unit)) Add($"kpis[{i}].unit", "rfp.problem.kpiUnit", new { row });
            if (kpi.Target is null) Add($"kpis[{i}].target", "rfp.problem.kpiTarget", new { row });
            if (kpi.Direction is null)
                Add($"kpis[{i}].direction", "rfp.problem.kpiDirection", new { row, higher = Text.Of("rfp.kpiDirection.higher"), lower = Text.Of("rfp.kpiDirection.lower") });
        }
        // Proposals commit to each KPI by its metric: two rows of one name would be one commitment.
        foreach (var twice in c.Kpis.Select((k, i) => (Metric: k.Metric?.Trim(), i)).Where(k => !string.IsNullOrEmpty(k.Metric)).GroupBy(k => k.Metric).Where(g => g.Count() > 1))
            Add($"kpis[{twice.Last().i}].metric", "rfp.problem.kpiTwice", new { metric = twice.Key });
        Required("communication", c.Communication);
        Required("transitionPlan", c.TransitionPlan);
        if (c.ServiceIds.Length == 0) Add("serviceIds", "rfp.problem.serviceIds");
        if (c.ContractTermMonths is null) Add("contractTermMonths", "rfp.problem.contractTermMonths");
        if (c.BudgetMinYen is null || c.BudgetMaxYen is null) Add("budgetMaxYen", "rfp.problem.budget");
        if (c.ExpectedVolumes.Length == 0) Add("expectedVolumes", "rfp.problem.expectedVolumes");
        foreach (var (field, rows) in new[] { ("currentVolumes", c.CurrentVolumes), ("expectedVolumes", c.ExpectedVolumes) })
            for (var i = 0; i < rows.Length; i++)
            {
                var (volume, row, table) = (rows[i], i + 1, Text.Of($"rfp.table.{field}"));
                if (string.IsNullOrWhiteSpace(volume.Item)) Add($"{field}[{i}].item", "rfp.problem.volumeItem", new { table, row });
                if (string.IsNullOrWhiteSpace(volume.Unit)) Add($"{field}[{i}].unit", "rfp.problem.volumeUnit", new { table, row });
                if (volume.MonthlyQuantity is null) Add($"{field}[{i}].monthlyQuantity", "rfp.problem.volumeQuantity", new { table, row });
            }

        if (c.QuestionDeadline is null) Add("questionDeadline", "rfp.problem.questionDeadline");
        else if (c.QuestionDeadline <= now && c.QuestionDeadline != published?.QuestionDeadline) Add("questionDeadline", "rfp.problem.questionDeadlinePast");
        if (c.ProposalDeadline is null) Add("proposalDeadline", "rfp.problem.proposalDeadline");
        else if (c.ProposalDeadline <= now) Add("proposalDeadline", "rfp.problem.proposalDeadlinePast");
        if (c.QuestionDeadline is { } q && c.ProposalDeadline is { } p && q >= p) Add("questionDeadline", "rfp.problem.questionAfterProposal");
        if (c.TransitionStart is { } start && c.ProposalDeadline is { } deadline && start <= DateOnly.FromDateTime(deadline.UtcDateTime))
            Add("transitionStart", "rfp.problem.transitionStart");

        // Published deadlines only move later: an earlier proposal deadline would open the sealed proposals early.
        foreach (var (field, next, current) in new[]
                 {
                     ("proposalDeadline", c.ProposalDeadline, published?.ProposalDeadline),
                     ("questionDeadline", c.QuestionDeadline, published?.QuestionDeadline),
                 })
            if (next is { } moved && current is { } before && moved < before)
                Add(field, "rfp.problem.deadlineEarlier", new { deadline = Text.Of($"rfp.deadlineName.{field}"), current = before });

        if (published is not null && c.Visibility != published.Visibility) Add("visibility", "rfp.problem.visibility");

        var total = c.EvaluationAxes.Sum(a => a.Weight);
        if (total != 100) Add("evaluationAxes", "rfp.problem.weights", new { total });
        return problems;
    }

    /// <summary>Refuses content with any <see cref="Problems"/>, naming them all.</summary>
    public static void RefuseProblems(RfpContent content, DateTimeOffset now, RfpContent? published)
    {
        var problems = Problems(content, now, published);
        if (problems.Count > 0) throw new RfpNotReadyException(problems);
    }

    /// <summary>
    /// The disguised-contracting findings of <paramref name="content"/>, refused unless <paramref name="acknowledgeFindings"/>
    /// (language-neutral: the audit trail keeps each finding's rule and sentence).
    /// </summary>
    internal static IReadOnlyList<DisguisedContractingFinding> AcknowledgedFindings(RfpContent content, bool acknowledgeFindings)
    {
        var findings = Findings(content, english: false);
        if (findings.Count > 0 && !acknowledgeFindings) throw new FindingsNotAcknowledgedException(findings.Count);
        return findings;
    }

    /// <summary>The disguised-contracting findings over every free text of the RFP, in the reader's language.</summary>
    public static List<DisguisedContractingFinding> Findings(RfpContent content, bool english) =>
        content.Texts().SelectMany(text => DisguisedContractingCheck.Check(text, english)).ToList();

    /// <summary>Known certification codes for <see cref="RfpContent.RequiredCertifications"/>.</summary>
    public static IReadOnlyCollection<string> CertificationCodes => CertificationTypes.Codes;
}
