using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Marketplace.Core.Hosting;

namespace Marketplace.Core.Texts;

/// <summary>
/// The server's words for people, one JSON file per language (<c>Texts/Catalogue/&lt;language&gt;.json</c>, embedded):
/// flat codes to templates with i18next's placeholders, <c>{{name}}</c>, <c>{{count, number}}</c> (grouped digits) and
/// <c>{{deadline, datetime}}</c> (Japan time), so the SPA could read the same files. A language is a file: the
/// supported languages are the files present, Japanese first and the fallback. Decision 0024.
/// </summary>
public static partial class TextCatalogue
{
    public const string DefaultLanguage = "ja";
    private const string ResourcePrefix = "Marketplace.Core.Texts.Catalogue.";

    private static readonly FrozenDictionary<string, FrozenDictionary<string, string>> Languages = Load();

    /// <summary>The languages there is a catalogue for, the default first.</summary>
    public static IReadOnlyList<string> SupportedLanguages { get; } =
        Languages.Keys.OrderBy(l => l == DefaultLanguage ? 0 : 1).ThenBy(l => l, StringComparer.Ordinal).ToArray();

    /// <summary>The language of the current request, when there is a catalogue for it; otherwise the default.</summary>
    public static string CurrentLanguage =>
        Languages.ContainsKey(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName) ? CultureInfo.CurrentUICulture.TwoLetterISOLanguageName : DefaultLanguage;

    /// <summary>Every code of <paramref name="language"/>'s catalogue with its template (for the tests that keep the catalogues whole).</summary>
    public static IReadOnlyDictionary<string, string> Entries(string language) => Languages[language];

    public static bool Has(string code, string language) => Languages.TryGetValue(language, out var texts) && texts.ContainsKey(code);

    /// <summary>
    /// For data that carries its own Japanese and English (catalogue services, configured plan names, the vocabularies
    /// not yet in the catalogue): the reader's, and Japanese for any other language. The one place that picks.
    /// </summary>
    public static string Pick(string ja, string en) => CurrentLanguage == "en" && en.Length > 0 ? en : ja;

    public static string Say(string code, object? arguments = null) => In(CurrentLanguage, Text.Of(code, arguments));

    public static string Say(Text text) => In(CurrentLanguage, text);

    public static string In(string language, string code, object? arguments = null) => In(language, Text.Of(code, arguments));

    /// <summary>
    /// The text in <paramref name="language"/> (the default language's when that catalogue lacks the code). A code
    /// missing from every catalogue shows as itself: the catalogue tests fail on it before it reaches anybody.
    /// </summary>
    public static string In(string language, Text text)
    {
        if (!Languages.TryGetValue(language, out var texts)) texts = Languages[DefaultLanguage];
        if (!texts.TryGetValue(text.Code, out var template) && !Languages[DefaultLanguage].TryGetValue(text.Code, out template))
            return text.Code;
        return Placeholder().Replace(template, match =>
        {
            var name = match.Groups["name"].Value;
            if (!text.Arguments.TryGetValue(name, out var value)) return match.Value;
            return (value, match.Groups["format"].Value) switch
            {
                (Text inner, _) => In(language, inner),
                (DateTimeOffset moment, "datetime") => JapanDate.Format(moment, language != DefaultLanguage),
                (DateTimeOffset moment, "date") => JapanDate.FormatDay(moment, language != DefaultLanguage),
                (IFormattable number, "number") => number.ToString("N0", CultureInfo.InvariantCulture),
                (IEnumerable<string> items, _) => string.Join(In(language, Text.Of("common.listSeparator")), items),
                (IFormattable formattable, _) => formattable.ToString(null, CultureInfo.InvariantCulture),
                _ => value?.ToString() ?? "",
            };
        });
    }

    /// <summary>The placeholders a template uses (for the tests).</summary>
    public static IEnumerable<string> PlaceholdersOf(string template) => Placeholder().Matches(template).Select(m => m.Groups["name"].Value);

    [GeneratedRegex(@"\{\{\s*(?<name>[A-Za-z0-9_]+)\s*(?:,\s*(?<format>[a-z]+)\s*)?\}\}")]
    private static partial Regex Placeholder();

    private static FrozenDictionary<string, FrozenDictionary<string, string>> Load()
    {
        var assembly = typeof(TextCatalogue).Assembly;
        var languages = new Dictionary<string, FrozenDictionary<string, string>>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            var texts = JsonSerializer.Deserialize<Dictionary<string, string>>(stream)
                        ?? throw new InvalidDataException($"The catalogue {name} is empty.");
            languages[name[ResourcePrefix.Length..^".json".Length]] = texts.ToFrozenDictionary(StringComparer.Ordinal);
        }
        if (!languages.ContainsKey(DefaultLanguage)) throw new InvalidDataException($"There is no catalogue for the default language '{DefaultLanguage}'.");
        return languages.ToFrozenDictionary();
    }
}
