namespace Marketplace.Core.Proposals;

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
        if (Status == ProposalStatus.Withdrawn) throw new IllegalProposalTransitionException(Status, ProposalMove.Edit);
        Content = content with { Attachments = Content.Attachments }; // files come and go only by Attach and Detach
        UpdatedAt = now;
    }

    /// <summary>Lists an uploaded file in the working copy (it goes into the next submitted version).</summary>
    public void Attach(AttachedFile file, DateTimeOffset deadline, DateTimeOffset now)
    {
        RequireOpen(deadline, now);
        if (Status == ProposalStatus.Withdrawn) throw new IllegalProposalTransitionException(Status, ProposalMove.Edit);
        Content = Content with { Attachments = [.. Content.Attachments, file] };
        UpdatedAt = now;
    }

    /// <summary>Takes a file out of the working copy (a submitted version that carried it keeps it).</summary>
    public void Detach(Guid attachmentId, DateTimeOffset deadline, DateTimeOffset now)
    {
        RequireOpen(deadline, now);
        if (Status == ProposalStatus.Withdrawn) throw new IllegalProposalTransitionException(Status, ProposalMove.Edit);
        Content = Content with { Attachments = Content.Attachments.Where(a => a.Id != attachmentId).ToArray() };
        UpdatedAt = now;
    }

    /// <summary>
    /// Submits the working copy against the RFP's version in force: the first submission, a revision, or (same
    /// content, newer RFP version) the re-confirmation an addendum asks for. The caller has checked
    /// <see cref="ProposalContent.MissingFor"/>. A submission that would repeat the one in force (the same content
    /// against the same RFP version: a second click) is not a new version: null, and nothing changes.
    /// </summary>
    /// <param name="inForce">The content of the latest submitted version (null before the first).</param>
    public ProposalVersion? Submit(int rfpVersion, DateTimeOffset deadline, DateTimeOffset now, ProposalContent? inForce)
    {
        RequireOpen(deadline, now);
        if (Status == ProposalStatus.Withdrawn) throw new IllegalProposalTransitionException(Status, ProposalMove.Submit);
        if (Status == ProposalStatus.Submitted && RfpVersion == rfpVersion && inForce is not null && Data.DocumentEquality.Same(Content, inForce)) return null;
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
        if (Status != ProposalStatus.Submitted) throw new IllegalProposalTransitionException(Status, ProposalMove.Withdraw);
        Status = ProposalStatus.Withdrawn;
        WithdrawnAt = now;
        UpdatedAt = now;
    }

    /// <summary>A withdrawn proposal becomes a draft again (its submitted versions stay on record).</summary>
    public void Reopen(DateTimeOffset deadline, DateTimeOffset now)
    {
        RequireOpen(deadline, now);
        if (Status != ProposalStatus.Withdrawn) throw new IllegalProposalTransitionException(Status, ProposalMove.Reopen);
        Status = ProposalStatus.Draft;
        WithdrawnAt = null;
        UpdatedAt = now;
    }

    /// <summary>Submitted against the RFP's version in force (after an addendum, an older one needs re-confirmation).</summary>
    public bool Conforms(int currentRfpVersion) => Status == ProposalStatus.Submitted && RfpVersion == currentRfpVersion;

    /// <summary>
    /// Nothing changes once proposals close. The database holds the same rule: the policies on proposals let a vendor
    /// write its proposal only while the listing takes proposals (vendor_adds, vendor_changes; migration Proposals).
    /// </summary>
    public static void RequireOpen(DateTimeOffset deadline, DateTimeOffset now)
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

/// <summary>
/// A document attached to a proposal (a case study, a certificate, an organisation chart): PDF, PNG or JPEG under the
/// platform's upload rules. The working copy lists the ones attached (<see cref="ProposalContent.Attachments"/>), so
/// each submitted version records exactly which files it carried. Sealed with its proposal (row-level security).
/// </summary>
public sealed class ProposalAttachment
{
    public const int MaxPerProposal = 10;

    private ProposalAttachment() { }

    public ProposalAttachment(Proposal proposal, string fileKey, string fileName, string contentType, long size, DateTimeOffset uploadedAt)
    {
        Id = Guid.CreateVersion7(uploadedAt);
        ProposalId = proposal.Id;
        RfpId = proposal.RfpId;
        VendorId = proposal.VendorId;
        ClientOrganisationId = proposal.ClientOrganisationId;
        FileKey = fileKey;
        FileName = fileName;
        ContentType = contentType;
        Size = size;
        UploadedAt = uploadedAt;
    }

    public Guid Id { get; private set; }
    public Guid ProposalId { get; private set; }
    public Guid RfpId { get; private set; }
    public Guid VendorId { get; private set; }
    public Guid ClientOrganisationId { get; private set; }
    /// <summary>Where the file storage keeps it (never shown).</summary>
    public string FileKey { get; private set; } = "";
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long Size { get; private set; }
    public DateTimeOffset UploadedAt { get; private set; }

    public AttachedFile Reference() => new(Id, FileName, ContentType, Size);
}
