using Marketplace.Core.Tenancy;

namespace Marketplace.Core.Rfps;

public enum RfpStatus { Draft, Published, Closed, Evaluating, Awarded, Cancelled }

/// <summary>A move the life cycle does not allow (answered 409).</summary>
public sealed class IllegalRfpTransitionException(RfpStatus from, string action)
    : InvalidOperationException($"An RFP that is {from} cannot be {action}.")
{
    public RfpStatus From { get; } = from;
    public string Action { get; } = action;
}

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
        Require(RfpStatus.Draft, "edited as a draft");
        Content = content;
        UpdatedAt = now;
    }

    /// <summary>Publishes version 1; the caller has checked <see cref="RfpPublishing.Problems"/> and the findings.</summary>
    public RfpVersion Publish(DateTimeOffset now, string? changeSummary = null)
    {
        Require(RfpStatus.Draft, "published");
        Status = RfpStatus.Published;
        Version = 1;
        PublishedAt = now;
        UpdatedAt = now;
        return new RfpVersion(Id, OrganisationId, Version, Content, changeSummary, now);
    }

    /// <summary>
    /// An addendum (変更): the published RFP takes new content as the next version, with a summary of the change for
    /// the participants. Proposals made against an earlier version then need re-confirmation (the proposal side).
    /// The deadlines only move later (an earlier proposal deadline would open the sealed proposals early; the
    /// listing's trigger in PostgreSQL refuses it too), and the addendum leaves the vendors at least
    /// <paramref name="periods"/>' time before each, moving a deadline later when it would not.
    /// </summary>
    public RfpVersion PublishAddendum(RfpContent content, string changeSummary, DateTimeOffset now, AddendumOptions periods)
    {
        Require(RfpStatus.Published, "changed by an addendum");
        Content = AfterAddendum(content, now, periods);
        Version++;
        UpdatedAt = now;
        return new RfpVersion(Id, OrganisationId, Version, Content, changeSummary.Trim(), now);
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
        Require(RfpStatus.Published, "closed");
        Status = RfpStatus.Closed;
        ClosedAt = now;
        UpdatedAt = now;
    }

    public void StartEvaluation(DateTimeOffset now)
    {
        Require(RfpStatus.Closed, "evaluated");
        Status = RfpStatus.Evaluating;
        UpdatedAt = now;
    }

    public void Award(DateTimeOffset now)
    {
        Require(RfpStatus.Evaluating, "awarded");
        Status = RfpStatus.Awarded;
        UpdatedAt = now;
    }

    /// <summary>Cancels a published, closed or evaluating RFP (a draft is deleted instead); the reason goes to the participants.</summary>
    public void Cancel(string reason, DateTimeOffset now)
    {
        if (Status is not (RfpStatus.Published or RfpStatus.Closed or RfpStatus.Evaluating))
            throw new IllegalRfpTransitionException(Status, "cancelled");
        Status = RfpStatus.Cancelled;
        CancellationReason = reason.Trim();
        CancelledAt = now;
        UpdatedAt = now;
    }

    private void Require(RfpStatus status, string action)
    {
        if (Status != status) throw new IllegalRfpTransitionException(Status, action);
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
