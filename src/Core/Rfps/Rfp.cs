using Marketplace.Core.Planning;
using Marketplace.Core.Tenancy;

namespace Marketplace.Core.Rfps;

/// <summary>
/// A client's request for proposals. Draft → Published (questions and proposals accepted) → Closed at the proposal
/// deadline → Evaluating → Awarded; or Cancelled with a reason from any state after Draft. A draft is edited freely;
/// publishing freezes the content into version 1 (<see cref="RfpVersion"/>).
/// </summary>
public sealed class Rfp : ITenantOwned
{
    public const int ReasonMaxLength = 1000;

    private Rfp() { }

    public Rfp(Guid organisationId, RfpContent content, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        OrganisationId = organisationId;
        Content = content;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public RfpStatus Status { get; private set; } = RfpStatus.Draft;
    public RfpContent Content { get; private set; } = new();
    /// <summary>The published version (0 while a draft).</summary>
    public int Version { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public string? CancellationReason { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Replaces the draft's content (the builder saves the whole document as the user types).</summary>
    public void EditDraft(RfpContent content, DateTimeOffset now)
    {
        Require(RfpStatus.Draft, RfpMove.EditDraft);
        Content = content;
        UpdatedAt = now;
    }

    /// <summary>
    /// Publishes version 1, once every rule of <see cref="RfpPublishing.Problems"/> holds (all problems refused at once:
    /// <see cref="RfpNotReadyException"/>) and, when the text reads like directing the vendor's staff, only with
    /// <paramref name="acknowledgeFindings"/> (<see cref="FindingsNotAcknowledgedException"/>). Returns the version and the
    /// findings published over (for the audit trail).
    /// </summary>
    public (RfpVersion Version, IReadOnlyList<DisguisedContractingFinding> AcknowledgedFindings) Publish(DateTimeOffset now, bool acknowledgeFindings)
    {
        Require(RfpStatus.Draft, RfpMove.Publish);
        RfpPublishing.RefuseProblems(Content, now, published: null);
        var findings = RfpPublishing.AcknowledgedFindings(Content, acknowledgeFindings);
        return (Publish(now), findings);
    }

    /// <summary>Publishes version 1 without the checks: for demo data and tests that build published RFPs directly.</summary>
    internal RfpVersion Publish(DateTimeOffset now)
    {
        Require(RfpStatus.Draft, RfpMove.Publish);
        Status = RfpStatus.Published;
        Version = 1;
        PublishedAt = now;
        UpdatedAt = now;
        return new RfpVersion(Id, OrganisationId, Version, Content, null, now);
    }

    /// <summary>
    /// An addendum (変更): the published RFP takes new content as the next version, with a summary of the change for
    /// the participants. Proposals made against an earlier version then need re-confirmation (the proposal side).
    /// The deadlines only move later (an earlier proposal deadline would open the sealed proposals early; the
    /// listing's trigger in PostgreSQL refuses it too), and the addendum leaves the vendors at least
    /// <paramref name="periods"/>' time before each, moving a deadline later when it would not.
    /// </summary>
    /// <remarks>Without the publishing rules: for demo data and tests that build addenda directly.</remarks>
    internal RfpVersion PublishAddendum(RfpContent content, string changeSummary, DateTimeOffset now, AddendumOptions periods) =>
        PublishAddendum(content, changeSummary, now, periods, acknowledgeFindings: true, checkRules: false).Version;

    /// <summary>
    /// An addendum as a client makes it: refused unless published, unless every rule holds for the new content
    /// (<see cref="RfpNotReadyException"/>), unless something changed (<see cref="AddendumChangesNothingException"/>), and
    /// over findings only with <paramref name="acknowledgeFindings"/>.
    /// </summary>
    public (RfpVersion Version, IReadOnlyList<DisguisedContractingFinding> AcknowledgedFindings) PublishAddendum(RfpContent content, string changeSummary,
        DateTimeOffset now, AddendumOptions periods, bool acknowledgeFindings) =>
        PublishAddendum(content, changeSummary, now, periods, acknowledgeFindings, checkRules: true);

    private (RfpVersion Version, IReadOnlyList<DisguisedContractingFinding> AcknowledgedFindings) PublishAddendum(RfpContent content, string changeSummary,
        DateTimeOffset now, AddendumOptions periods, bool acknowledgeFindings, bool checkRules)
    {
        Require(RfpStatus.Published, RfpMove.ChangeByAddendum);
        IReadOnlyList<DisguisedContractingFinding> findings = [];
        if (checkRules)
        {
            RfpPublishing.RefuseProblems(content, now, published: Content);
            if (content.SameAs(Content)) throw new AddendumChangesNothingException();
            findings = RfpPublishing.AcknowledgedFindings(content, acknowledgeFindings);
        }
        Content = AfterAddendum(content, now, periods);
        Version++;
        UpdatedAt = now;
        return (new RfpVersion(Id, OrganisationId, Version, Content, changeSummary.Trim(), now), findings);
    }

    /// <summary>The addendum's content with its deadlines as they will be: never earlier than now, extended to the minimum periods.</summary>
    public RfpContent AfterAddendum(RfpContent content, DateTimeOffset now, AddendumOptions periods)
    {
        foreach (var (field, current, next) in new[]
                 {
                     ("proposalDeadline", Content.ProposalDeadline, content.ProposalDeadline),
                     ("questionDeadline", Content.QuestionDeadline, content.QuestionDeadline),
                 })
            if (current is { } before && (next is null || next < before))
                throw new RfpDeadlineMovedEarlierException(field, before);
        // An extended deadline falls on the next whole minute: people read deadlines to the minute.
        static DateTimeOffset AtLeast(DateTimeOffset deadline, DateTimeOffset earliest) => deadline >= earliest
            ? deadline
            : new DateTimeOffset((earliest.UtcTicks + TimeSpan.TicksPerMinute - 1) / TimeSpan.TicksPerMinute * TimeSpan.TicksPerMinute, TimeSpan.Zero);
        return content with
        {
            ProposalDeadline = AtLeast(content.ProposalDeadline!.Value, now + periods.MinimumProposalPeriod),
            QuestionDeadline = AtLeast(content.QuestionDeadline!.Value, now + periods.MinimumQuestionPeriod),
        };
    }

    public void Close(DateTimeOffset now)
    {
        Require(RfpStatus.Published, RfpMove.Close);
        Status = RfpStatus.Closed;
        ClosedAt = now;
        UpdatedAt = now;
    }

    public void StartEvaluation(DateTimeOffset now)
    {
        Require(RfpStatus.Closed, RfpMove.Evaluate);
        Status = RfpStatus.Evaluating;
        UpdatedAt = now;
    }

    public void Award(DateTimeOffset now)
    {
        Require(RfpStatus.Evaluating, RfpMove.Award);
        Status = RfpStatus.Awarded;
        UpdatedAt = now;
    }

    /// <summary>Cancels a published, closed or evaluating RFP (a draft is deleted instead); the reason goes to the participants.</summary>
    public void Cancel(string reason, DateTimeOffset now)
    {
        if (Status is not (RfpStatus.Published or RfpStatus.Closed or RfpStatus.Evaluating))
            throw new IllegalRfpTransitionException(Status, RfpMove.Cancel);
        Status = RfpStatus.Cancelled;
        CancellationReason = reason.Trim();
        CancelledAt = now;
        UpdatedAt = now;
    }

    /// <summary>
    /// Refuses <paramref name="move"/> unless the RFP is a draft: deleting it, changing its attachments (vendors have
    /// read a published RFP's attachments; an addendum is how a published RFP changes). No policy in the database
    /// repeats this: the client's own rows are the client's to write (row-level security keeps them to the client).
    /// </summary>
    public void EnsureDraft(RfpMove move) => Require(RfpStatus.Draft, move);

    /// <summary>
    /// Refuses a move that only a published RFP allows (inviting vendors, answering questions, clarifying). Row-level
    /// security lets the client write invitations and answers in any state; this is the one place the rule is held.
    /// </summary>
    public void EnsurePublished(RfpMove move) => Require(RfpStatus.Published, move);

    private void Require(RfpStatus status, RfpMove move)
    {
        if (Status != status) throw new IllegalRfpTransitionException(Status, move);
    }
}

/// <summary>A published version of an RFP's content, never changed afterwards (addenda add versions).</summary>
public sealed class RfpVersion : ITenantOwned
{
    private RfpVersion() { }

    public RfpVersion(Guid rfpId, Guid organisationId, int number, RfpContent content, string? changeSummary, DateTimeOffset publishedAt)
    {
        RfpId = rfpId;
        OrganisationId = organisationId;
        Number = number;
        Content = content;
        ChangeSummary = changeSummary;
        PublishedAt = publishedAt;
    }

    public Guid RfpId { get; private set; }
    public Guid OrganisationId { get; private set; }
    public int Number { get; private set; }
    public RfpContent Content { get; private set; } = new();
    public string? ChangeSummary { get; private set; }
    public DateTimeOffset PublishedAt { get; private set; }
}
