namespace Marketplace.Core.Texts;

/// <summary>What a refused move means for the caller; the Api maps each to its status once (its exception handler).</summary>
public enum Refusal
{
    /// <summary>The object's state does not allow it now (409).</summary>
    Conflict,
    /// <summary>The caller may see the object but not do this to it (403).</summary>
    Forbidden,
    /// <summary>A value the request sent breaks a rule of the object (400, on <see cref="DomainException.Field"/>).</summary>
    Invalid,
}

/// <summary>
/// A rule of the domain refused a move. Each carries what to tell the person (<see cref="Title"/>, <see cref="Detail"/>,
/// as catalogue texts), so handlers do not catch these one by one: the exception handler answers them all.
/// The exception's own message is the English text, for the logs.
/// </summary>
public abstract class DomainException(Refusal refusal, Text title, Text detail, string? field = null)
    : InvalidOperationException(TextCatalogue.In("en", detail))
{
    public Refusal Refusal { get; } = refusal;
    public Text Title { get; } = title;
    public Text Detail { get; } = detail;
    /// <summary>The request's field the rule is about (for <see cref="Refusal.Invalid"/>).</summary>
    public string? Field { get; } = field;
    /// <summary>For <see cref="Refusal.Invalid"/>: every field error (by default the one of <see cref="Field"/>).</summary>
    public virtual IReadOnlyList<(string Field, Text Text)> Errors => Field is null ? [] : [(Field, Detail)];
    /// <summary>Values a client may act on (a deadline, say), added to the ProblemDetails as they are.</summary>
    public virtual IReadOnlyDictionary<string, object?> Facts => new Dictionary<string, object?>();
}
