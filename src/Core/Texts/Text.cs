using System.Collections.Concurrent;
using System.Reflection;

namespace Marketplace.Core.Texts;

/// <summary>
/// Something to tell a person, as a code of the catalogue with its arguments: the domain says what happened, the
/// edge (a ProblemDetails, an e-mail, an export) renders it in the reader's language with <see cref="TextCatalogue"/>.
/// An argument may itself be a <see cref="Text"/> (a status name, say), rendered in the same language.
/// </summary>
public sealed record Text(string Code, IReadOnlyDictionary<string, object?> Arguments)
{
    private static readonly IReadOnlyDictionary<string, object?> None = new Dictionary<string, object?>();
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> PropertiesOf = new();

    /// <param name="arguments">An anonymous object whose properties fill the placeholders: <c>new { max = 200 }</c>.</param>
    public static Text Of(string code, object? arguments = null) => new(code, arguments switch
    {
        null => None,
        IReadOnlyDictionary<string, object?> dictionary => dictionary,
        _ => PropertiesOf.GetOrAdd(arguments.GetType(), t => t.GetProperties()).ToDictionary(p => p.Name, p => p.GetValue(arguments)),
    });

    /// <summary>In the language of the current request (the UI culture).</summary>
    public override string ToString() => TextCatalogue.Say(this);
}
