using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Marketplace.E2E;

/// <summary>
/// The SPA downloads only the catalogue of the language in use and falls back to no other, so every message must be
/// in both, with the same placeholders, or a page would show a message key.
/// </summary>
public sealed partial class MessageCatalogues
{
    /// <summary>Both catalogues of a language (common and the work pages'), as one; a key in both fails.</summary>
    private static Dictionary<string, string> Flatten(string language)
    {
        var common = FlattenFile($"{language}.json");
        var work = FlattenFile($"{language}.work.json");
        Assert.Empty(common.Keys.Intersect(work.Keys));
        return common.Concat(work).ToDictionary();
    }

    private static Dictionary<string, string> FlattenFile(string file)
    {
        var root = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Catalogues", file)))!;
        var messages = new Dictionary<string, string>();
        void Walk(JsonNode node, string prefix)
        {
            if (node is JsonObject o)
                foreach (var (key, child) in o) Walk(child!, prefix.Length == 0 ? key : $"{prefix}.{key}");
            else
                messages[prefix] = node.GetValue<string>();
        }
        Walk(root, "");
        return messages;
    }

    [GeneratedRegex(@"\{\{\s*(\w+)")]
    private static partial Regex Placeholder();

    // A value given in both languages (planJa, planEn) is the same placeholder.
    private static string[] PlaceholdersOf(string message) => Placeholder().Matches(message)
        .Select(m => Regex.Replace(m.Groups[1].Value, "(Ja|En)$", "")).Distinct().Order().ToArray();

    // i18next's plural forms: Japanese has one (_other), English two (_one, _other).
    private static string WithoutPlural(string key) => Regex.Replace(key, "_(one|other|zero)$", "");

    [Fact]
    public void Japanese_and_english_have_the_same_messages_with_the_same_placeholders_and_none_empty()
    {
        var ja = Flatten("ja");
        var en = Flatten("en");
        Assert.True(ja.Count > 500, $"only {ja.Count} Japanese messages were read");

        var jaKeys = ja.Keys.Select(WithoutPlural).ToHashSet();
        var enKeys = en.Keys.Select(WithoutPlural).ToHashSet();
        Assert.Empty(jaKeys.Except(enKeys).Order());
        Assert.Empty(enKeys.Except(jaKeys).Order());
        Assert.Empty(ja.Concat(en).Where(m => string.IsNullOrWhiteSpace(m.Value)).Select(m => m.Key));

        var mismatched = ja.Where(m => en.TryGetValue(m.Key, out var english)
                && !PlaceholdersOf(m.Value).SequenceEqual(PlaceholdersOf(english)))
            .Select(m => m.Key);
        Assert.Empty(mismatched);
    }

    /// <summary>The audit log shows each action in words: every action the Api records has them, in both languages.</summary>
    [Fact]
    public void Every_audit_action_the_api_records_is_said_in_words_in_both_languages()
    {
        var actions = typeof(Marketplace.Core.Auditing.AuditActions).GetFields()
            .Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!).ToList();
        Assert.True(actions.Count > 40, $"only {actions.Count} audit actions were found");
        foreach (var language in new[] { "ja", "en" })
        {
            var messages = Flatten(language);
            var unsaid = actions.Where(a => !messages.ContainsKey($"audit.did.{a}")).ToList();
            Assert.True(unsaid.Count == 0, $"{language}: no words for {string.Join(", ", unsaid)}");
        }
    }
}
