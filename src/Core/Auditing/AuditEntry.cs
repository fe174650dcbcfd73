namespace Marketplace.Core.Auditing;

/// <summary>
/// One entry of the append-only, hash-chained audit log. Rows are written only by the database function
/// append_audit_entry (the application role has no INSERT, UPDATE or DELETE on the table), which sets
/// <see cref="PreviousHash"/> to the hash of the entry before and <see cref="Hash"/> to
/// sha256(previous hash + this entry's fields). See docs/decisions/0007-audit-trail.md.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; private set; }
    /// <summary>Null for platform-level events that belong to no organisation.</summary>
    public Guid? OrganisationId { get; private set; }
    /// <summary>Who acted: a user id, an API client id, "system", or "anonymous".</summary>
    public string Actor { get; private set; } = "";
    public string Action { get; private set; } = "";
    public string? ObjectType { get; private set; }
    public string? ObjectId { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }
    public string? IpAddress { get; private set; }
    public string? Data { get; private set; }
    public byte[]? PreviousHash { get; private set; }
    public byte[] Hash { get; private set; } = [];
}

/// <summary>What to record; the time and the chain are added by the database.</summary>
public sealed record AuditRecord(Guid? OrganisationId, string Actor, string Action, string? ObjectType, string? ObjectId, string? IpAddress, object? Data = null);

public static class AuditActions
{
    public const string OrganisationRegistered = "organisation.registered";
    public const string SignedIn = "account.signed-in";
    public const string SignInFailed = "account.sign-in-failed";
    public const string LockedOut = "account.locked-out";
    public const string PasswordResetRequested = "account.password-reset-requested";
    public const string PasswordReset = "account.password-reset";
    public const string PasswordChanged = "account.password-changed";
    public const string MemberAdded = "member.added";
    public const string MemberRoleChanged = "member.role-changed";
    public const string MemberRemoved = "member.removed";
    public const string InvitationSent = "invitation.sent";
    public const string InvitationRevoked = "invitation.revoked";
    public const string InvitationAccepted = "invitation.accepted";
    public const string ApiClientCreated = "api-client.created";
    public const string ApiClientRevoked = "api-client.revoked";
    public const string CertificationAdded = "certification.added";
    public const string CertificationChanged = "certification.changed";
    public const string CertificationRemoved = "certification.removed";
    public const string CertificationEvidenceUploaded = "certification.evidence-uploaded";
    public const string CertificationVerified = "certification.verified";
    public const string CertificationRejected = "certification.rejected";
    public const string VendorProfileCreated = "vendor-profile.created";
    public const string VendorProfileUpdated = "vendor-profile.updated";
    public const string CatalogueServiceAdded = "catalogue.service-added";
    public const string CatalogueServiceRetired = "catalogue.service-retired";
    public const string CatalogueServiceRestored = "catalogue.service-restored";
    public const string RfpPublished = "rfp.published";
    public const string RfpCancelled = "rfp.cancelled";
    public const string RfpDeleted = "rfp.deleted";
    public const string RfpAddendum = "rfp.addendum";
    public const string RfpVendorInvited = "rfp.vendor-invited";
    public const string RfpQuestionAnswered = "rfp.question-answered";
    public const string RfpClarified = "rfp.clarified";
    public const string RfpAttachmentAdded = "rfp.attachment-added";
    public const string RfpAttachmentRemoved = "rfp.attachment-removed";
    public const string ProposalStarted = "proposal.started";
    public const string ProposalSubmitted = "proposal.submitted";
    public const string ProposalWithdrawn = "proposal.withdrawn";
    public const string ProposalReopened = "proposal.reopened";
    public const string ProposalsListed = "proposal.listed";
    public const string ProposalRead = "proposal.read";
    public const string ProposalAttachmentAdded = "proposal.attachment-added";
    public const string ProposalAttachmentRemoved = "proposal.attachment-removed";
    public const string ProposalAttachmentRead = "proposal.attachment-read";
    public const string EvaluationPanelSet = "evaluation.panel-set";
    public const string ScorecardSubmitted = "evaluation.scorecard-submitted";
    public const string ConsensusRecorded = "evaluation.consensus-recorded";
    public const string ProposalsCompared = "proposal.compared";
    public const string ComparisonExported = "evaluation.comparison-exported";
    public const string AwardProposed = "award.proposed";
    public const string AwardApproved = "award.approved";
    public const string AwardRejected = "award.rejected";
    public const string KpiReviewRecorded = "contract.kpi-review-recorded";
    public const string OcdsExported = "rfp.ocds-exported";
    public const string BillingCheckoutStarted = "billing.checkout-started";
    public const string BillingPortalOpened = "billing.portal-opened";
}
