namespace Marketplace.Core.Proposals;

public enum ProposalStatus { Draft, Submitted, Withdrawn }

/// <summary>Proposals are no longer accepted: the deadline passed (answered 409 with the deadline).</summary>
public sealed class ProposalDeadlinePassedException(DateTimeOffset deadline)
    : InvalidOperationException($"Proposals closed at {deadline:O}.")
{
    public DateTimeOffset Deadline { get; } = deadline;
}

/// <summary>A move the proposal's life cycle does not allow (answered 409).</summary>
public sealed class IllegalProposalTransitionException(ProposalStatus from, string action)
    : InvalidOperationException($"A proposal that is {from} cannot be {action}.")
{
    public ProposalStatus From { get; } = from;
    public string Action { get; } = action;
}

/// <summary>
/// A vendor's proposal to an RFP, one per vendor and RFP. Draft → Submitted (revised by submitting again, each time a
/// new <see cref="ProposalVersion"/> with its exact receipt time) → Withdrawn; a withdrawn proposal becomes a draft
/// again only on purpose (<see cref="Reopen"/>), then is submitted anew. Nothing changes after the proposal deadline.
/// Sealed until that deadline: row-level security shows the client nothing of it but a count (decision 0014).
/// </summary>
public sealed class Proposal
{
    private Proposal() { }

    public Proposal(Guid rfpId, Guid vendorId, Guid clientOrganisationId, ProposalContent content, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        RfpId = rfpId;
        VendorId = vendorId;
        ClientOrganisationId = clientOrganisationId;
        Content = content;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid RfpId { get; private set; }
    public Guid VendorId { get; private set; }
    public Guid ClientOrganisationId { get; private set; }
    public ProposalStatus Status { get; private set; } = ProposalStatus.Draft;
    /// <summary>The working copy the vendor edits; what was submitted is in the versions.</summary>
    public ProposalContent Content { get; private set; } = new();
    /// <summary>The number of the latest submitted version (0 before the first submission).</summary>
    public int SubmittedVersion { get; private set; }
    /// <summary>The RFP version the latest submission answers (0 before the first).</summary>
    public int RfpVersion { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public DateTimeOffset? WithdrawnAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Saves the working copy (as the vendor types); a submitted proposal stays submitted until submitted again.</summary>
    public void Edit(ProposalContent content, DateTimeOffset deadline, DateTimeOffset now)
    {
        RequireOpen(deadline, now);
        if (Status == ProposalStatus.Withdrawn) throw new IllegalProposalTransitionException(Status, "edited (reopen it first)");
        Content = content;
        UpdatedAt = now;
    }

    /// <summary>
    /// Submits the working copy against the RFP's version in force: the first submission, a revision, or (same
    /// content, newer RFP version) the re-confirmation an addendum asks for. The caller has checked
    /// <see cref="ProposalContent.MissingFor"/>.
    /// </summary>
    public ProposalVersion Submit(int rfpVersion, DateTimeOffset deadline, DateTimeOffset now)
    {
        RequireOpen(deadline, now);
        if (Status == ProposalStatus.Withdrawn) throw new IllegalProposalTransitionException(Status, "submitted (reopen it first)");
        Status = ProposalStatus.Submitted;
        SubmittedVersion++;
        RfpVersion = rfpVersion;
        SubmittedAt = now;
        UpdatedAt = now;
        return new ProposalVersion(this, now);
    }

    public void Withdraw(DateTimeOffset deadline, DateTimeOffset now)
    {
        RequireOpen(deadline, now);
        if (Status != ProposalStatus.Submitted) throw new IllegalProposalTransitionException(Status, "withdrawn");
        Status = ProposalStatus.Withdrawn;
        WithdrawnAt = now;
        UpdatedAt = now;
    }

    /// <summary>A withdrawn proposal becomes a draft again (its submitted versions stay on record).</summary>
    public void Reopen(DateTimeOffset deadline, DateTimeOffset now)
    {
        RequireOpen(deadline, now);
        if (Status != ProposalStatus.Withdrawn) throw new IllegalProposalTransitionException(Status, "reopened");
        Status = ProposalStatus.Draft;
        WithdrawnAt = null;
        UpdatedAt = now;
    }

    /// <summary>Submitted against the RFP's version in force (after an addendum, an older one needs re-confirmation).</summary>
    public bool Conforms(int currentRfpVersion) => Status == ProposalStatus.Submitted && RfpVersion == currentRfpVersion;

    private static void RequireOpen(DateTimeOffset deadline, DateTimeOffset now)
    {
        if (now >= deadline) throw new ProposalDeadlinePassedException(deadline);
    }
}

/// <summary>A submitted version of a proposal, exactly as received, never changed afterwards.</summary>
public sealed class ProposalVersion
{
    private ProposalVersion() { }

    internal ProposalVersion(Proposal proposal, DateTimeOffset receivedAt)
    {
        ProposalId = proposal.Id;
        RfpId = proposal.RfpId;
        VendorId = proposal.VendorId;
        ClientOrganisationId = proposal.ClientOrganisationId;
        Number = proposal.SubmittedVersion;
        RfpVersion = proposal.RfpVersion;
        Content = proposal.Content;
        ReceivedAt = receivedAt;
    }

    public Guid ProposalId { get; private set; }
    public Guid RfpId { get; private set; }
    public Guid VendorId { get; private set; }
    public Guid ClientOrganisationId { get; private set; }
    public int Number { get; private set; }
    public int RfpVersion { get; private set; }
    public ProposalContent Content { get; private set; } = new();
    public DateTimeOffset ReceivedAt { get; private set; }
}
