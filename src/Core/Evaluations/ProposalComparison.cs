using System.Globalization;
using Marketplace.Core.Proposals;
using Marketplace.Core.Rfps;
using Marketplace.Core.Texts;

namespace Marketplace.Core.Evaluations;

/// <summary>A proposal as the comparison sees it (its latest submitted version, costed and flagged).</summary>
/// <param name="Label">The vendor's name, or "A", "B"... when names are hidden (blind mode).</param>
public sealed record ComparedProposal(Guid ProposalId, string Label, bool Conforms, ProposalContent Content, TotalCost Cost, CostSensitivity Sensitivity,
    IReadOnlyList<ProposalFlag> Flags);

/// <param name="Score">1-5: the consensus, else the mean of the submitted scorecards, else (cost) the rule; null while unscored.</param>
/// <param name="Source">consensus, mean, rule or none.</param>
public sealed record AxisResult(string Axis, int Weight, decimal? Score, string Source);

/// <param name="WeightedScore">Out of 100, once every axis has a score; null otherwise and for a non-conforming proposal.</param>
/// <param name="Rank">1 is best; proposals with the same weighted score share a rank; null without a weighted score.</param>
public sealed record ComparisonColumn(Guid ProposalId, string Label, bool Conforms, TotalCost Cost, CostSensitivity Sensitivity, decimal CostScore,
    IReadOnlyList<AxisResult> Axes, decimal? WeightedScore, int? Rank, IReadOnlyList<ProposalFlag> Flags);

/// <summary>A row of the side-by-side table: one value per column, the best ones marked.</summary>
/// <param name="Section">axis, total, kpi or fee.</param>
/// <param name="Label">What the row shows (catalogue: comparison.row.*).</param>
/// <param name="Unit">score, points, rank, yen, or a KPI's own unit.</param>
/// <param name="Better">higher, lower or none: which way is best (none marks no best).</param>
public sealed record ComparisonRow(string Section, string Key, Text Label, string Unit, string Better, IReadOnlyList<decimal?> Values,
    IReadOnlyList<bool> Best);

public sealed record Comparison(IReadOnlyList<ComparisonColumn> Columns, IReadOnlyList<ComparisonRow> Rows);

/// <summary>
/// The side-by-side comparison of an RFP's proposals (domain.md: compare on the same axes and the same cost basis):
/// the proposals are columns; the axis scores with the weighted total and rank, the KPI commitments and the fee lines
/// are rows, the best value of each row marked. A pure function of the proposals and the scores, so the screen, the
/// CSV and the Excel export say the same.
/// </summary>
public static class ProposalComparison
{
    /// <param name="scores">The scores of the submitted scorecards only.</param>
    /// <param name="consensus">Procurement's consensus score per proposal and axis.</param>
    public static Comparison Build(RfpContent rfp, IReadOnlyList<ComparedProposal> proposals,
        IReadOnlyCollection<(Guid ProposalId, string Axis, int Score)> scores, IReadOnlyDictionary<(Guid ProposalId, string Axis), int> consensus)
    {
        var conforming = proposals.Where(p => p.Conforms).ToList();
        var lowest = conforming.Count == 0 ? 0 : conforming.Min(p => p.Cost.TotalYen);
        var byProposalAxis = scores.GroupBy(s => (s.ProposalId, s.Axis)).ToDictionary(g => g.Key, g => g.Select(s => s.Score).ToList());
        var axes = rfp.EvaluationAxes.Where(a => a.Weight > 0).ToList();

        var columns = proposals.Select(p =>
        {
            var costScore = EvaluationRules.CostScore(p.Cost.TotalYen, lowest);
            var results = axes.Select(a =>
            {
                if (!p.Conforms) return new AxisResult(a.Code, a.Weight, null, "none");
                if (a.Code == EvaluationRules.CostAxis) return new AxisResult(a.Code, a.Weight, costScore, "rule");
                if (consensus.TryGetValue((p.ProposalId, a.Code), out var agreed)) return new AxisResult(a.Code, a.Weight, agreed, "consensus");
                return byProposalAxis.TryGetValue((p.ProposalId, a.Code), out var given)
                    ? new AxisResult(a.Code, a.Weight, ScoreSpread.Of(given).Mean, "mean")
                    : new AxisResult(a.Code, a.Weight, null, "none");
            }).ToList();
            var weighted = p.Conforms ? EvaluationRules.WeightedScore(results.Select(r => (r.Weight, r.Score)).ToList()) : null;
            return (p, costScore, results, weighted);
        }).ToList();

        var rankedScores = columns.Where(c => c.weighted is not null).Select(c => c.weighted!.Value).OrderDescending().ToList();
        var finished = columns.Select(c => new ComparisonColumn(c.p.ProposalId, c.p.Label, c.p.Conforms, c.p.Cost, c.p.Sensitivity, c.costScore, c.results,
            c.weighted, c.weighted is { } w ? rankedScores.IndexOf(w) + 1 : null, c.p.Flags)).ToList();

        var conforms = proposals.Select(p => p.Conforms).ToList();
        var rows = new List<ComparisonRow>();
        foreach (var (axis, i) in axes.Select((a, i) => (a, i)))
            rows.Add(Row("axis", axis.Code, Text.Of("comparison.row.axis", new { axis = EvaluationAxes.Label(axis.Code), weight = axis.Weight }), "score", "higher",
                finished.Select(c => c.Axes[i].Score), conforms));
        rows.Add(Row("total", "weightedScore", Text.Of("comparison.row.weightedScore"), "points", "higher", finished.Select(c => c.WeightedScore), conforms));
        rows.Add(Row("total", "rank", Text.Of("comparison.row.rank"), "rank", "lower", finished.Select(c => (decimal?)c.Rank), conforms));
        foreach (var target in rfp.FilledKpis())
            rows.Add(Row("kpi", target.Metric, Text.Of("comparison.row.kpi", new { metric = target.Metric, target = target.Target.ToString("0.##", CultureInfo.InvariantCulture), unit = target.Unit }),
                target.Unit, target.Direction == "lower" ? "lower" : "higher",
                proposals.Select(p => p.Content.Kpis.FirstOrDefault(k => k.Metric == target.Metric)?.Committed), conforms));
        rows.Add(FeeRow("initial", proposals.Select(p => (decimal?)p.Cost.InitialYen)));
        rows.Add(FeeRow("monthly", proposals.Select(p => (decimal?)p.Cost.MonthlyFeesYen)));
        rows.Add(FeeRow("perUnit", proposals.Select(p => (decimal?)p.Cost.PerUnitYen)));
        rows.Add(FeeRow("total", proposals.Select(p => (decimal?)p.Cost.TotalYen)));
        rows.Add(FeeRow("volumeMinus20", proposals.Select(p => (decimal?)p.Sensitivity.VolumeMinus20Yen)));
        rows.Add(FeeRow("volumePlus20", proposals.Select(p => (decimal?)p.Sensitivity.VolumePlus20Yen)));
        return new Comparison(finished, rows);

        ComparisonRow FeeRow(string key, IEnumerable<decimal?> values) => Row("fee", key, Text.Of($"comparison.row.{key}"), "yen", "lower", values, conforms);
    }

    /// <summary>A row whose best value is picked among the conforming proposals only (a proposal not re-confirmed is shown, never best).</summary>
    private static ComparisonRow Row(string section, string key, Text label, string unit, string better, IEnumerable<decimal?> values,
        IReadOnlyList<bool> conforms)
    {
        var list = values.ToList();
        var present = list.Where((v, i) => v is not null && conforms[i]).Select(v => v!.Value).ToList();
        // Nothing is best when all are equal: marking every cell would say nothing.
        decimal? best = present.Distinct().Count() < 2 || better == "none" ? null : better == "lower" ? present.Min() : present.Max();
        return new ComparisonRow(section, key, label, unit, better, list, list.Select((v, i) => conforms[i] && best is not null && v == best).ToList());
    }

    /// <summary>"A", "B", ... "Z", "AA": the names blind mode shows instead of vendors'.</summary>
    public static string BlindLetter(int index) => index < 26 ? ((char)('A' + index)).ToString() : BlindLetter(index / 26 - 1) + BlindLetter(index % 26);
}
