using Marketplace.Core.Texts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Marketplace.Api.Infrastructure;

/// <summary>
/// Optimistic concurrency the client can see, for documents people edit in several tabs or click twice (the RFP draft,
/// the proposal): the row's version (PostgreSQL's xmin, EF's row version) is the revision, sent as a strong ETag and in
/// the DTO. A change sent with If-Match is refused with 412 when the document has moved on since the sender read it; a
/// change without it is still refused (409) when another commits between this one's read and its write.
/// </summary>
public static class Revisions
{
    public const string Shadow = "xmin";

    /// <summary>The revision of a tracked (or just saved) entity.</summary>
    public static string Of(EntityEntry entry) => ((uint)entry.Property(Shadow).CurrentValue!).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Sets the ETag of the answer to the entity's revision.</summary>
    public static void Tag(HttpContext http, EntityEntry entry) => http.Response.Headers.ETag = $"\"{Of(entry)}\"";

    /// <summary>
    /// 412 when the request's If-Match names another revision than the entity's (read in this request), or 400 when
    /// it is not a revision at all; null when it matches or the request sent none (or "*").
    /// </summary>
    public static ProblemHttpResult? Mismatch(HttpContext http, EntityEntry entry)
    {
        var sent = http.Request.Headers.IfMatch.ToString().Trim();
        if (sent.Length == 0 || sent == "*") return null;
        var revision = sent.StartsWith("W/", StringComparison.Ordinal) ? sent[2..] : sent;
        revision = revision.Trim('"');
        if (!uint.TryParse(revision, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _))
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: TextCatalogue.Say("revision.badIfMatch.title"),
                detail: TextCatalogue.Say("revision.badIfMatch"));
        return revision == Of(entry) ? null : Stale();
    }

    /// <summary>412: the document changed since the sender read it (a second tab, a colleague, a second click).</summary>
    public static ProblemHttpResult Stale() => TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: StaleTitle, detail: StaleDetail);

    public static string StaleTitle => TextCatalogue.Say("revision.stale.title");

    public static string StaleDetail => TextCatalogue.Say("revision.stale");
}
