using Marketplace.Core.Tenancy;

namespace Marketplace.Core.Rfps;

/// <summary>
/// An organisation's reusable RFP: the sections it writes the same way each time (security requirements, the
/// communication design, KPIs, evaluation weights). Saved from an RFP without its deadlines; a new draft starts from it.
/// </summary>
public sealed class RfpTemplate : ITenantOwned
{
    public const int NameMaxLength = 100;
    public const int MaxPerOrganisation = 50;

    private RfpTemplate() { }

    public RfpTemplate(Guid organisationId, string name, RfpContent content, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        OrganisationId = organisationId;
        Name = name.Trim();
        Content = WithoutDates(content);
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public string Name { get; private set; } = "";
    public RfpContent Content { get; private set; } = new();
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Dates belong to one RFP: a template keeps none (a copy clears them the same way).</summary>
    public static RfpContent WithoutDates(RfpContent content) => content with { QuestionDeadline = null, ProposalDeadline = null, TransitionStart = null };
}
