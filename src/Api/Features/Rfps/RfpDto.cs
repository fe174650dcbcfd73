using Marketplace.Api.Infrastructure;
using Marketplace.Core.Data;
using Marketplace.Core.Rfps;
using Marketplace.Core.Texts;

namespace Marketplace.Api.Features.Rfps;

public sealed record RfpProblemDto(string Field, string Message);

/// <param name="Criterion">The criterion of 昭和61年労働省告示第37号 (or its Q&amp;A) the sentence runs against.</param>
public sealed record RfpFindingDto(string RuleCode, string Sentence, string Reason, string Suggestion, string Criterion);

/// <param name="Problems">What stops publishing, by field (empty: ready).</param>
/// <param name="Findings">Disguised-contracting findings in the text (publishing with any needs an acknowledgement).</param>
/// <param name="ReadinessOpen">The readiness checklist's items not ticked yet.</param>
/// <param name="Revision">The RFP's revision (also its ETag): send it as If-Match with a change, which is refused (412) when the RFP has moved on.</param>
public sealed record RfpDto(Guid Id, string Status, int Version, RfpContent Content, DateTimeOffset? PublishedAt, string? CancellationReason,
    DateTimeOffset UpdatedAt, IReadOnlyList<RfpProblemDto> Problems, IReadOnlyList<RfpFindingDto> Findings, IReadOnlyList<string> ReadinessOpen,
    string Revision)
{
    /// <summary>The RFP as the client reads it, for a tracked (or just saved) <paramref name="rfp"/>; the answer carries its revision as the ETag.</summary>
    public static RfpDto From(MarketplaceDbContext db, HttpContext http, Rfp rfp, DateTimeOffset now)
    {
        var entry = db.Entry(rfp);
        Revisions.Tag(http, entry);
        return new(rfp.Id, Codes.Of(rfp.Status), rfp.Version, rfp.Content, rfp.PublishedAt, rfp.CancellationReason, rfp.UpdatedAt,
            rfp.Status == RfpStatus.Draft ? RfpPublishing.Problems(rfp.Content, now).Select(p => new RfpProblemDto(p.Field, TextCatalogue.Say(p.Text))).ToList() : [],
            RfpPublishing.Findings(rfp.Content, TextCatalogue.CurrentLanguage == "en")
                .Select(f => new RfpFindingDto(f.RuleCode, f.Sentence, f.Reason, f.Suggestion, f.Criterion)).ToList(),
            ReadinessChecklist.Items.Where(code => !rfp.Content.ReadinessDone.Contains(code)).ToList(), Revisions.Of(entry));
    }
}
