using System.Globalization;
using FluentValidation;
using Marketplace.Core.Texts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Api.Infrastructure;

/// <summary>
/// Validation rules with messages written for people, in the request's language. FluentValidation's own
/// Japanese messages are literal translations ("は空であってはなりません"); these read as Japanese forms do.
/// </summary>
public static class ValidationRules
{
    /// <summary>Organisation roles as people read them (the names the SPA shows too; catalogue: role.*).</summary>
    public static string RoleName(string role, string language) =>
        TextCatalogue.Has($"role.{role}", TextCatalogue.DefaultLanguage) ? TextCatalogue.In(language, $"role.{role}") : role;

    /// <summary>A field error on "role" unless <paramref name="role"/> is one of the kind's roles.</summary>
    public static ValidationProblem? RoleProblem(Marketplace.Core.Organisations.OrganisationKind kind, string role)
    {
        var allowed = Marketplace.Core.Organisations.OrganisationRoles.For(kind);
        if (allowed.Contains(role)) return null;
        return FieldProblem("role", TextCatalogue.Say("validation.oneOf",
            new { field = Label("member.role"), choices = Choices(allowed.Select(r => RoleName(r, TextCatalogue.CurrentLanguage))) }));
    }

    /// <summary>A field's name as people read it (catalogue: field.*); an unknown key is shown as itself.</summary>
    public static string Label(string key) => TextCatalogue.Has($"field.{key}", TextCatalogue.DefaultLanguage) ? TextCatalogue.Say($"field.{key}") : key;

    /// <summary>Names to choose from, each quoted as the reader's language quotes a choice (「…」 in Japanese).</summary>
    private static string Choices(IEnumerable<string> names) =>
        string.Join(TextCatalogue.Say("common.nameSeparator"), names.Select(name => TextCatalogue.Say("validation.choice", new { name })));

    /// <summary>
    /// A vocabulary entry's name in the reader's language. The vocabularies still carry Japanese and English side by
    /// side (VendorVocabulary, WorkTaskVocabulary); this is the one place that picks between the two.
    /// </summary>
    private static string NameOf((string Ja, string En) names) => TextCatalogue.Pick(names.Ja, names.En);

    public static IRuleBuilderOptions<T, string?> Required<T>(this IRuleBuilder<T, string?> rule, string labelKey) =>
        rule.Must(value => !string.IsNullOrWhiteSpace(value))
            .WithMessage(_ => RequiredMessage(labelKey))
            .Documented(new FieldConstraint(Required: true, MinLength: 1));

    /// <summary>"… を入力してください。": the field is required.</summary>
    public static string RequiredMessage(string labelKey) => TextCatalogue.Say("validation.required", new { field = Label(labelKey) });

    public static IRuleBuilderOptions<T, string?> MaxChars<T>(this IRuleBuilder<T, string?> rule, string labelKey, int max) =>
        rule.Must(value => value is null || value.Trim().Length <= max)
            .WithMessage(_ => TextCatalogue.Say("validation.maxChars", new { field = Label(labelKey), max }))
            .Documented(new FieldConstraint(MaxLength: max));

    public static IRuleBuilderOptions<T, string?> Email<T>(this IRuleBuilder<T, string?> rule, string labelKey) =>
        rule.EmailAddress().WithMessage(_ => InvalidEmailMessage(labelKey));

    public static string InvalidEmailMessage(string labelKey) => TextCatalogue.Say("validation.email", new { field = Label(labelKey) });

    public static IRuleBuilderOptions<T, long?> InRange<T>(this IRuleBuilder<T, long?> rule, string labelKey, long min, long max) =>
        rule.Must(value => value is null || (value >= min && value <= max))
            .WithMessage(_ => RangeMessage(labelKey, min.ToString("N0", CultureInfo.InvariantCulture), max.ToString("N0", CultureInfo.InvariantCulture)))
            .Documented(new FieldConstraint(Minimum: min, Maximum: max));

    public static IRuleBuilderOptions<T, decimal?> InRange<T>(this IRuleBuilder<T, decimal?> rule, string labelKey, decimal min, decimal max) =>
        rule.Must(value => value is null || (value >= min && value <= max))
            .WithMessage(_ => RangeMessage(labelKey, min.ToString("#,0.##", CultureInfo.InvariantCulture), max.ToString("#,0.##", CultureInfo.InvariantCulture)))
            .Documented(new FieldConstraint(Minimum: min, Maximum: max));

    public static IRuleBuilderOptions<T, int?> InRange<T>(this IRuleBuilder<T, int?> rule, string labelKey, int min, int max) =>
        rule.Must(value => value is null || (value >= min && value <= max))
            .WithMessage(_ => RangeMessage(labelKey, min.ToString("N0", CultureInfo.InvariantCulture), max.ToString("N0", CultureInfo.InvariantCulture)))
            .Documented(new FieldConstraint(Minimum: min, Maximum: max));

    private static string RangeMessage(string labelKey, string min, string max) => TextCatalogue.Say("validation.range", new { field = Label(labelKey), min, max });

    /// <summary>A list of short texts: at most <paramref name="maxItems"/>, none empty or longer than <paramref name="maxChars"/>.</summary>
    public static IRuleBuilderOptions<T, string[]?> TextList<T>(this IRuleBuilder<T, string[]?> rule, string labelKey, int maxItems, int maxChars) =>
        rule.Must(items => items is null || (items.Length <= maxItems && items.All(i => !string.IsNullOrWhiteSpace(i) && i.Trim().Length <= maxChars)))
            .WithMessage(_ => TextCatalogue.Say("validation.textList", new { field = Label(labelKey), maxItems, maxChars }))
            .Documented(new FieldConstraint(MaxItems: maxItems));

    /// <summary>Every value must be one of <paramref name="allowed"/>'s keys.</summary>
    public static IRuleBuilderOptions<T, string[]?> AllOneOf<T>(this IRuleBuilder<T, string[]?> rule, string labelKey, IReadOnlyDictionary<string, (string Ja, string En)> allowed) =>
        rule.Must(items => items is null || items.All(item => item is not null && allowed.ContainsKey(item)))
            .WithMessage(_ => TextCatalogue.Say("validation.allOneOf",
                new { field = Label(labelKey), choices = string.Join(TextCatalogue.Say("common.nameSeparator"), allowed.Keys) }));

    /// <summary>
    /// What a rule of ours means for the OpenAPI document (required, a length, a range): kept beside the rule's
    /// component, so that the document's schemas are read from the validators (ValidatedSchemas) and cannot disagree.
    /// </summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, FieldConstraint> Constraints = new();

    private static IRuleBuilderOptions<T, TProperty> Documented<T, TProperty>(this IRuleBuilderOptions<T, TProperty> rule, FieldConstraint constraint) =>
        rule.Configure(configured => Constraints.AddOrUpdate(configured.Current, constraint));

    /// <summary>The constraint a rule component of ours documents, if any.</summary>
    public static FieldConstraint? ConstraintOf(FluentValidation.Internal.IRuleComponent component) =>
        Constraints.TryGetValue(component, out var constraint) ? constraint : null;

    /// <summary>For every link from an e-mail that cannot be used: unknown, forged and expired read the same.</summary>
    public static string InvalidLinkMessage() => TextCatalogue.Say("validation.invalidLink");

    /// <summary>
    /// Volume bands of a per-unit price (graduated: each runs up to the next one's lower bound): 1 to 10, the first
    /// from 0, each lower bound above the one before. Neither a gap below the first band nor two bands for one
    /// quantity can then arise. Vendor profiles and proposals both check it.
    /// </summary>
    public static bool BandsInOrder(IReadOnlyList<long?>? fromQuantities) =>
        fromQuantities is { Count: > 0 and <= 10 }
        && (fromQuantities[0] ?? 0) == 0
        && fromQuantities.Zip(fromQuantities.Skip(1)).All(p => (p.First ?? 0) < (p.Second ?? 0));

    public static string BandsInOrderMessage() => TextCatalogue.Say("validation.bandsInOrder");

    /// <summary>The 400 answer with field errors; its title is the same for every endpoint.</summary>
    public static ValidationProblem FieldProblem(IDictionary<string, string[]> errors) => TypedResults.ValidationProblem(errors, title: FieldProblemTitle);

    /// <summary>One field's error.</summary>
    public static ValidationProblem FieldProblem(string field, string message) => FieldProblem(new Dictionary<string, string[]> { [field] = [message] });

    public static string FieldProblemTitle => TextCatalogue.Say("common.checkTheFields");

    public static readonly IReadOnlyDictionary<string, (string Ja, string En)> Languages = new Dictionary<string, (string Ja, string En)>
    {
        ["ja"] = ("日本語", "ja (Japanese)"),
        ["en"] = ("英語", "en (English)"),
    };

    /// <summary>The value must be one of <paramref name="allowed"/> (or absent, when <paramref name="optional"/>).</summary>
    public static IRuleBuilderOptions<T, string?> OneOf<T>(this IRuleBuilder<T, string?> rule, string labelKey, IReadOnlyDictionary<string, (string Ja, string En)> allowed, bool optional = false) =>
        rule.Must(value => (optional && value is null) || (value is not null && allowed.ContainsKey(value)))
            .WithMessage(_ => TextCatalogue.Say("validation.oneOf", new { field = Label(labelKey), choices = Choices(allowed.Values.Select(NameOf)) }));
}

/// <summary>A field's constraint as the OpenAPI document states it.</summary>
public sealed record FieldConstraint(bool Required = false, int? MinLength = null, int? MaxLength = null, decimal? Minimum = null,
    decimal? Maximum = null, int? MaxItems = null);
