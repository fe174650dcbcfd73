using System.Globalization;
using System.Text;
using CsvHelper;
using Marketplace.Api.Infrastructure;
using Marketplace.Core.Planning;
using MiniExcelLibs;

namespace Marketplace.Api.Features.Planning;

/// <param name="Row">The row's number as the spreadsheet shows it (the header is row 1).</param>
public sealed record ImportedTask(int Row, WorkTaskInput Task);

/// <param name="Column">The column's heading as the file has it (or as the template names it when it is missing).</param>
public sealed record ImportProblem(int Row, string Column, string Message);

/// <param name="Tasks">The rows that are correct, ready to add (nothing is added until the user confirms).</param>
/// <param name="Problems">Every problem, by row and column.</param>
public sealed record ImportPreviewDto(int Rows, IReadOnlyList<ImportedTask> Tasks, IReadOnlyList<ImportProblem> Problems);

/// <summary>
/// Reads a work inventory from an Excel workbook (.xlsx, first sheet) or a CSV file (UTF-8, or Shift_JIS as Excel in
/// Japan saves it). The first row names the columns, in Japanese or English, in any order; choices may be written as
/// their code (monthly), their name (毎月, Monthly) or the name's short form (中 for 中（経験が必要）). Every row is
/// checked with the same rules as a task entered by hand.
/// </summary>
public static class WorkInventoryImport
{
    public const long MaxBytes = 5 * 1024 * 1024;

    /// <summary>The columns, in template order: the key of the input, and the heading in each language.</summary>
    public static readonly IReadOnlyList<(string Key, string Ja, string En)> Columns =
    [
        ("name", "業務名", "Task"),
        ("department", "部署", "Department"),
        ("frequency", "頻度", "Frequency"),
        ("hoursPerMonth", "月間工数（時間）", "Hours per month"),
        ("monthlyVolume", "月間件数", "Monthly volume"),
        ("volumeUnit", "件数の単位", "Volume unit"),
        ("expertise", "専門性", "Expertise"),
        ("substitutability", "代替可能性", "Substitutability"),
        ("currentOwner", "現在の担当", "Current owner"),
    ];

    private static readonly string[] Required = ["name", "hoursPerMonth"];

    public sealed class UnreadableFile(string message) : Exception(message);

    private static bool English => Localization.CurrentLanguage == "en";

    /// <summary>The template: the headings in the reader's language and one example row.</summary>
    public static IReadOnlyList<string> TemplateHeadings() => Columns.Select(c => English ? c.En : c.Ja).ToList();

    public static IReadOnlyList<string> TemplateExample() => English
        ? ["Monthly payroll", "HR", "Monthly", "60", "350", "people", "Medium", "Hard", "HR, Sato"]
        : ["月次給与計算", "人事部", "毎月", "60", "350", "名", "中", "困難", "人事部 佐藤"];

    public static byte[] TemplateCsv()
    {
        using var stream = new MemoryStream();
        stream.Write(Encoding.UTF8.GetPreamble()); // Excel reads UTF-8 only with the BOM
        using (var csv = CsvWriter.Create(stream, new CsvWriterOptions { Injection = CsvInjection.Escape }, leaveOpen: true))
        {
            csv.WriteRecord(TemplateHeadings().ToArray());
            csv.WriteRecord(TemplateExample().ToArray());
        }
        return stream.ToArray();
    }

    public static byte[] TemplateXlsx()
    {
        var headings = TemplateHeadings();
        var example = TemplateExample();
        var tasks = new[] { headings.Select((h, i) => (h, (object)example[i])).ToDictionary(x => x.h, x => x.Item2) };
        var choices = new List<Dictionary<string, object>>();
        void Add(string column, IReadOnlyDictionary<string, (string Ja, string En)> values)
        {
            foreach (var (code, names) in values)
                choices.Add(new Dictionary<string, object>
                {
                    [English ? "Column" : "列"] = column,
                    [English ? "Value" : "値"] = English ? names.En : names.Ja,
                    [English ? "Code" : "コード"] = code,
                });
        }
        Add(headings[2], WorkTaskVocabulary.Frequencies);
        Add(headings[6], WorkTaskVocabulary.ExpertiseLevels);
        Add(headings[7], WorkTaskVocabulary.Substitutability);
        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object>
        {
            [English ? "Tasks" : "業務"] = tasks,
            [English ? "Choices" : "選択肢"] = choices,
        }, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    /// <summary>The file's rows as text cells, the first being the headings. Throws <see cref="UnreadableFile"/>.</summary>
    public static List<string[]> ReadCells(byte[] content)
    {
        if (content.Length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4)
            return ReadXlsx(content);
        // Text has no NUL bytes; PDFs, images and old .xls files do (or start with their own signature).
        if (content.AsSpan(0, Math.Min(content.Length, 8192)).IndexOf((byte)0) >= 0 || content.AsSpan().StartsWith("%PDF"u8))
            throw new UnreadableFile(English
                ? "This is not a spreadsheet. Upload an Excel workbook (.xlsx) or a CSV file."
                : "表計算のファイルではありません。Excel（.xlsx）か CSV ファイルを選んでください。");
        return ReadCsv(Decode(content));
    }

    private static List<string[]> ReadXlsx(byte[] content)
    {
        try
        {
            using var stream = new MemoryStream(content);
            var rows = new List<string[]>();
            foreach (IDictionary<string, object?> row in stream.Query(useHeaderRow: false, excelType: ExcelType.XLSX))
                rows.Add(row.Values.Select(Text).ToArray());
            return rows;
        }
        // A damaged or foreign file fails inside the library in many ways; to the user each means the same thing.
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new UnreadableFile(English
                ? "The workbook could not be read. Save it again as .xlsx (Excel workbook) and upload it."
                : "ブックを読み取れませんでした。Excel で「.xlsx（Excel ブック）」として保存し直してから選んでください。");
        }
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        double d => d.ToString(CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    /// <summary>UTF-8 when the bytes are valid UTF-8 (with or without a BOM), else Shift_JIS (Excel's CSV in Japan).</summary>
    private static string Decode(byte[] content)
    {
        try
        {
            var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content);
            return text.TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(932).GetString(content);
        }
    }

    private static List<string[]> ReadCsv(string text)
    {
        try
        {
            // Blank lines are kept (and skipped later) so that row numbers match what the user sees in Excel.
            using var csv = CsvReader.FromText(text, new CsvReaderOptions { HasHeader = false, AllowLineBreaksInQuotes = true, SkipEmptyLines = false });
            var rows = new List<string[]>();
            while (csv.Read())
            {
                var row = new string[csv.FieldCount];
                for (var i = 0; i < row.Length; i++) row[i] = csv.GetString(i);
                rows.Add(row);
            }
            return rows;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new UnreadableFile(English
                ? "The CSV file could not be read (a quote left open?). Check it in Excel and save it again as CSV."
                : "CSV ファイルを読み取れませんでした（引用符が閉じていない等）。Excel で確認し、CSV として保存し直してください。");
        }
    }

    /// <summary>Maps the cells to tasks and checks each; a file-level problem (no rows, a missing column) is an <see cref="UnreadableFile"/>.</summary>
    public static ImportPreviewDto Preview(List<string[]> cells, int maxRows)
    {
        if (cells.Count == 0)
            throw new UnreadableFile(English ? "The file is empty." : "ファイルが空です。");
        var headings = cells[0].Select(h => Normalise(h)).ToArray();
        var columnOf = new Dictionary<string, int>();
        for (var i = 0; i < headings.Length; i++)
        {
            var column = Columns.FirstOrDefault(c => Normalise(c.Ja) == headings[i] || Normalise(c.En) == headings[i]);
            if (column.Key is not null) columnOf.TryAdd(column.Key, i);
        }
        var missing = Required.Where(k => !columnOf.ContainsKey(k)).Select(Heading).ToList();
        if (missing.Count > 0)
            throw new UnreadableFile(English
                ? $"The first row must name the columns; missing: {string.Join(", ", missing)}. Start from the template."
                : $"1 行目に列名が必要です。見つからない列：{string.Join("、", missing)}。テンプレートを使ってください。");

        var data = cells.Skip(1).Select((cells, i) => (Row: i + 2, Cells: cells)).Where(r => r.Cells.Any(c => !string.IsNullOrWhiteSpace(c))).ToList();
        if (data.Count == 0)
            throw new UnreadableFile(English ? "The file has headings but no tasks." : "列名の行だけで、業務の行がありません。");
        if (data.Count > maxRows)
            throw new UnreadableFile(English
                ? $"The file has {data.Count:N0} tasks; import at most {maxRows:N0} at a time."
                : $"業務が {data.Count:N0} 行あります。一度に取り込めるのは {maxRows:N0} 行までです。");

        var validator = new WorkInventoryEndpoints.Validator();
        var tasks = new List<ImportedTask>();
        var problems = new List<ImportProblem>();
        foreach (var (row, rowCells) in data)
        {
            string? Cell(string key) => columnOf.TryGetValue(key, out var i) && i < rowCells.Length && !string.IsNullOrWhiteSpace(rowCells[i]) ? rowCells[i].Trim() : null;
            var rowProblems = new List<ImportProblem>();
            decimal? Decimal(string key)
            {
                var text = Cell(key);
                if (text is null) return null;
                if (decimal.TryParse(Normalise(text).Replace(",", ""), NumberStyles.Number, CultureInfo.InvariantCulture, out var value)) return value;
                rowProblems.Add(new(row, Heading(key), English ? $"\"{text}\" is not a number." : $"「{text}」は数値ではありません。"));
                return null;
            }
            string? Choice(string key, IReadOnlyDictionary<string, (string Ja, string En)> values)
            {
                var text = Cell(key);
                if (text is null) return DefaultOf(key);
                var wanted = Normalise(text);
                foreach (var (code, names) in values)
                    if (wanted == code || wanted == Normalise(names.Ja) || wanted == Normalise(names.En) || wanted == Normalise(Short(names.Ja)) || wanted == Normalise(Short(names.En)))
                        return code;
                rowProblems.Add(new(row, Heading(key), English
                    ? $"\"{text}\" is not one of: {string.Join(", ", values.Values.Select(v => Short(v.En)))}."
                    : $"「{text}」は選べません。{string.Join("・", values.Values.Select(v => Short(v.Ja)))} のどれかにしてください。"));
                return null;
            }

            var volume = Decimal("monthlyVolume");
            var input = new WorkTaskInput(Cell("name"), Cell("department"), Choice("frequency", WorkTaskVocabulary.Frequencies), Decimal("hoursPerMonth"),
                volume is { } v && v == decimal.Truncate(v) && v is >= int.MinValue and <= int.MaxValue ? (int)v : null, Cell("volumeUnit"),
                Choice("expertise", WorkTaskVocabulary.ExpertiseLevels), Choice("substitutability", WorkTaskVocabulary.Substitutability), Cell("currentOwner"));
            // A volume that is not a whole number, or too large to be one, is reported rather than dropped.
            if (volume is { } whole && (whole != decimal.Truncate(whole) || whole is < 0 or > WorkTask.MaxMonthlyVolume))
                rowProblems.Add(new(row, Heading("monthlyVolume"), English
                    ? $"The monthly volume must be a whole number from 0 to {WorkTask.MaxMonthlyVolume:N0}."
                    : $"月間件数は 0 以上 {WorkTask.MaxMonthlyVolume:N0} 以下の整数で入力してください。"));

            // The hand-entry rules, for what the cells could be read as (a cell already reported is not reported twice).
            foreach (var error in validator.Validate(input).Errors)
            {
                var key = char.ToLowerInvariant(error.PropertyName[0]) + error.PropertyName[1..];
                if (rowProblems.All(p => p.Column != Heading(key))) rowProblems.Add(new(row, Heading(key), error.ErrorMessage));
            }
            if (rowProblems.Count == 0) tasks.Add(new ImportedTask(row, input));
            else problems.AddRange(rowProblems);
        }
        return new ImportPreviewDto(data.Count, tasks, problems);
    }

    /// <summary>Choices left empty take the hand-entry form's defaults.</summary>
    private static string? DefaultOf(string key) => key switch
    {
        "frequency" => "monthly",
        "expertise" => "medium",
        "substitutability" => "possible",
        _ => null,
    };

    private static string Heading(string key)
    {
        var column = Columns.Single(c => c.Key == key);
        return English ? column.En : column.Ja;
    }

    /// <summary>中（経験が必要） → 中; Medium (needs experience) → Medium.</summary>
    private static string Short(string name) => name.Split('（', '(')[0].Trim();

    private static string Normalise(string text) => text.Normalize(NormalizationForm.FormKC).Trim().ToLowerInvariant();
}
