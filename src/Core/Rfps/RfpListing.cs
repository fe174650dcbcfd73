namespace Marketplace.Core.Rfps;

/// <summary>
/// What vendors may know of a published RFP: who publishes it, to whom, its state and current version. The content
/// itself stays in <see cref="RfpVersion"/>, which a vendor reads only through a listing it can see. Row-level security
/// decides who sees a listing: every organisation for a public RFP, only invited vendors for an invite-only one
/// (anyone else gets 404); only the client writes it.
/// </summary>
public sealed class RfpListing
{
    private RfpListing() { }

    public RfpListing(Rfp rfp, string clientName, DateTimeOffset now)
    {
        RfpId = rfp.Id;
        ClientOrganisationId = rfp.OrganisationId;
        ClientName = clientName;
        Visibility = rfp.Content.Visibility;
        Update(rfp, now);
    }

    public Guid RfpId { get; private set; }
    public Guid ClientOrganisationId { get; private set; }
    public string ClientName { get; private set; } = "";
    /// <summary>The current version's title (the feed lists it without reading every version).</summary>
    public string Title { get; private set; } = "";
    /// <summary>public or invited (fixed at publishing: an addendum cannot make an RFP more or less visible).</summary>
    public string Visibility { get; private set; } = "public";
    public RfpStatus Status { get; private set; }
    public int Version { get; private set; }
    public DateTimeOffset? QuestionDeadline { get; private set; }
    public DateTimeOffset? ProposalDeadline { get; private set; }
    public string? CancellationReason { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>
    /// Vendors may start, change and submit proposals: published and before the proposal deadline. The row-level
    /// policies vendor_adds and vendor_changes on proposals hold the same rule in SQL.
    /// </summary>
    public bool TakesProposals(DateTimeOffset now) => Status == RfpStatus.Published && ProposalDeadline is { } deadline && now < deadline;

    /// <summary>
    /// Vendors may ask questions: published and before the question deadline. The policy vendor_asks on rfp_questions
    /// holds the first half in SQL; the deadline is checked here only.
    /// </summary>
    public bool TakesQuestions(DateTimeOffset now) => Status == RfpStatus.Published && QuestionDeadline is { } deadline && now < deadline;

    /// <summary>Vendors may declare participation: published (the policy vendor_joins on rfp_participants).</summary>
    public bool TakesParticipants => Status == RfpStatus.Published;

    /// <summary>Follows the RFP after a change of state or version.</summary>
    public void Update(Rfp rfp, DateTimeOffset now)
    {
        Status = rfp.Status;
        Title = rfp.Content.Title;
        Version = rfp.Version;
        QuestionDeadline = rfp.Content.QuestionDeadline;
        ProposalDeadline = rfp.Content.ProposalDeadline;
        CancellationReason = rfp.CancellationReason;
        UpdatedAt = now;
    }
}

/// <summary>A vendor the client invited to an RFP (what makes an invite-only RFP visible to it).</summary>
public sealed class RfpInvitation
{
    private RfpInvitation() { }

    public RfpInvitation(Guid rfpId, Guid vendorId, Guid clientOrganisationId, string invitedBy, DateTimeOffset invitedAt)
    {
        RfpId = rfpId;
        VendorId = vendorId;
        ClientOrganisationId = clientOrganisationId;
        InvitedBy = invitedBy;
        InvitedAt = invitedAt;
    }

    public Guid RfpId { get; private set; }
    public Guid VendorId { get; private set; }
    public Guid ClientOrganisationId { get; private set; }
    public string InvitedBy { get; private set; } = "";
    public DateTimeOffset InvitedAt { get; private set; }
}

/// <summary>
/// A vendor that declared it takes part (参加表明) in an RFP, or asked a question (which declares it): participants
/// hear of answers, addenda, the deadline and a cancellation. The client sees how many there are, not who.
/// </summary>
public sealed class RfpParticipant
{
    private RfpParticipant() { }

    public RfpParticipant(Guid rfpId, Guid vendorId, Guid clientOrganisationId, DateTimeOffset joinedAt)
    {
        RfpId = rfpId;
        VendorId = vendorId;
        ClientOrganisationId = clientOrganisationId;
        JoinedAt = joinedAt;
    }

    public Guid RfpId { get; private set; }
    public Guid VendorId { get; private set; }
    public Guid ClientOrganisationId { get; private set; }
    public DateTimeOffset JoinedAt { get; private set; }
}

/// <summary>
/// A vendor's question (質疑) and the client's answer, or a clarification the client publishes on its own (no
/// question, no asker). An answer is shared with every vendor that can see the RFP, never with the asker's name. Who
/// asked is not on this row but in <see cref="RfpQuestionAsker"/>, which row-level security shows to the asker, and to
/// the client only once the proposals open: every vendor reads the answered questions, and the client reads them all,
/// without learning who takes part.
/// </summary>
public sealed class RfpQuestion
{
    public const int TextMaxLength = 2000;

    private RfpQuestion() { }

    /// <summary>A vendor's question, and the row that says who asked it (saved with it).</summary>
    public static (RfpQuestion Question, RfpQuestionAsker Asker) Ask(Guid rfpId, Guid clientOrganisationId, Guid vendorId, string question, DateTimeOffset now)
    {
        var asked = new RfpQuestion
        {
            Id = Guid.CreateVersion7(now), RfpId = rfpId, ClientOrganisationId = clientOrganisationId, Question = question.Trim(), AskedAt = now,
        };
        return (asked, new RfpQuestionAsker(asked.Id, rfpId, clientOrganisationId, vendorId));
    }

    public static RfpQuestion Clarify(Guid rfpId, Guid clientOrganisationId, string clarification, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now), RfpId = rfpId, ClientOrganisationId = clientOrganisationId,
        Answer = clarification.Trim(), AskedAt = now, AnsweredAt = now,
    };

    public Guid Id { get; private set; }
    public Guid RfpId { get; private set; }
    public Guid ClientOrganisationId { get; private set; }
    /// <summary>Null for a clarification.</summary>
    public string? Question { get; private set; }
    public string? Answer { get; private set; }
    public DateTimeOffset AskedAt { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }

    /// <summary>Answers (or corrects the answer); it is shared with every vendor that sees the RFP.</summary>
    public void AnswerWith(string answer, DateTimeOffset now)
    {
        Answer = answer.Trim();
        AnsweredAt = now;
    }
}
