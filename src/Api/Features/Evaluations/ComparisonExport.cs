using System.Globalization;
using System.Text;
using CsvHelper;
using Marketplace.Core.Evaluations;
using MiniExcelLibs;
using static Marketplace.Core.Texts.TextCatalogue;

namespace Marketplace.Api.Features.Evaluations;

/// <summary>
/// The proposal comparison as files: CSV (the table, UTF-8 with BOM so that Excel reads the Japanese) and Excel (the
/// table with numbers as numbers, the submitted scores with their comments, the flags). Each row names its best
/// proposals in a last column, as the screen highlights them.
/// </summary>
public static class ComparisonExport
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static string ItemHeading => Say("export.item");
    private static string BestHeading => Say("export.best");

    /// <summary>Column headings: the proposals' labels, made unique (two vendors may share a name).</summary>
    private static List<string> Headings(ComparisonDto comparison)
    {
        var seen = new Dictionary<string, int>();
        return comparison.Columns.Select(c =>
        {
            var count = seen[c.Label] = seen.GetValueOrDefault(c.Label) + 1;
            return count == 1 ? c.Label : $"{c.Label} ({count})";
        }).ToList();
    }

    private static string Best(ComparisonRowDto row, IReadOnlyList<string> headings) =>
        string.Join(Say("common.nameSeparator"), row.Best.Select((best, i) => (best, i)).Where(x => x.best).Select(x => headings[x.i]));

    private static string Text(decimal? value, string unit) => value switch
    {
        null => "",
        { } v when unit == "yen" => v.ToString("#,0", CultureInfo.InvariantCulture),
        { } v => v.ToString("0.##", CultureInfo.InvariantCulture),
    };

    public static byte[] Csv(ComparisonDto comparison)
    {
        var headings = Headings(comparison);
        using var file = new MemoryStream();
        file.Write(Encoding.UTF8.Preamble); // the BOM: without it Excel reads UTF-8 Japanese as mojibake
        // Vendors name themselves: a cell starting like a formula (=, +, -, @) is escaped so a spreadsheet shows it as text.
        using (var csv = CsvWriter.Create(file, new CsvWriterOptions { Injection = CsvInjection.Escape }, leaveOpen: true))
        {
            csv.WriteRecord([ItemHeading, .. headings, BestHeading]);
            foreach (var row in comparison.Rows)
                csv.WriteRecord([row.Label, .. row.Values.Select(v => Text(v, row.Unit)), Best(row, headings)]);
            csv.WriteRecord([Say("export.flags"), .. comparison.Columns.Select(c => string.Join(" / ", c.Flags.Select(f => f.Text))), ""]);
        }
        return file.ToArray();
    }

    public static byte[] Xlsx(ComparisonDto comparison, IReadOnlyList<(string Evaluator, EvaluationScore Score)> scores)
    {
        var headings = Headings(comparison);
        var table = comparison.Rows.Select(row =>
        {
            var line = new Dictionary<string, object?> { [ItemHeading] = row.Label };
            for (var i = 0; i < headings.Count; i++) line[headings[i]] = row.Values[i];
            line[BestHeading] = Best(row, headings);
            return line;
        }).ToList();
        var labels = comparison.Columns.ToDictionary(c => c.ProposalId, c => c.Label);
        var axes = comparison.Axes.ToDictionary(a => a.Code, a => a.Label);
        var scoreSheet = scores.OrderBy(s => s.Evaluator).ThenBy(s => labels.GetValueOrDefault(s.Score.ProposalId)).ThenBy(s => s.Score.Axis)
            .Select(s => new Dictionary<string, object?>
            {
                [Say("export.evaluator")] = s.Evaluator,
                [Say("export.proposal")] = labels.GetValueOrDefault(s.Score.ProposalId, ""),
                [Say("export.axis")] = axes.GetValueOrDefault(s.Score.Axis, s.Score.Axis),
                [Say("export.score")] = s.Score.Score,
                [Say("export.comment")] = s.Score.Comment ?? "",
            }).ToList();
        var flagSheet = comparison.Columns.SelectMany(c => c.Flags.Select(f => new Dictionary<string, object?>
        {
            [Say("export.proposal")] = c.Label,
            [Say("export.flag")] = f.Text,
        })).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object>
        {
            [Say("export.sheet.comparison")] = table,
            [Say("export.sheet.scores")] = scoreSheet,
            [Say("export.sheet.flags")] = flagSheet,
        }, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }
}
