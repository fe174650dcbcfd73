using Marketplace.Core.Tenancy;

namespace Marketplace.Core.Notifications;

/// <summary>
/// An in-app notification for an organisation. The text is not stored: <see cref="Type"/> is a key that the
/// SPA renders in the reader's language, with <see cref="Data"/> (JSON) as its parameters.
/// </summary>
public sealed class Notification : ITenantOwned
{
    private Notification() { }

    public Notification(Guid organisationId, string type, string data, DateTimeOffset createdAt, string? key = null)
    {
        Key = key;
        Id = Guid.CreateVersion7(createdAt);
        OrganisationId = organisationId;
        Type = type;
        Data = data;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public string Type { get; private set; } = "";
    public string Data { get; private set; } = "{}";
    /// <summary>The event, unique per organisation, for notices that must arrive once (<see cref="Notices"/>).</summary>
    public string? Key { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ReadAt { get; private set; }

    /// <summary>Marks it read (the first time counts).</summary>
    public void MarkRead(DateTimeOffset now) => ReadAt ??= now;
}

public static class NotificationTypes
{
    public const string Welcome = "organisation.welcome";
    public const string CertificationExpiring = "certification.expiring";
    /// <summary>To the vendor: an operator checked the evidence and marked the certification verified.</summary>
    public const string CertificationVerified = "certification.verified";
    /// <summary>To the vendor: an operator declined to verify, with the reason.</summary>
    public const string CertificationRejected = "certification.rejected";
    public const string RfpClosed = "rfp.closed";
    public const string RfpMatched = "rfp.matched";
    public const string RfpInvited = "rfp.invited";
    public const string RfpQuestionAnswered = "rfp.answered";
    public const string RfpAddendum = "rfp.addendum";
    public const string RfpDeadlineApproaching = "rfp.deadline";
    public const string RfpCancelled = "rfp.cancelled";
    /// <summary>To the vendor whose proposal won (採択のお知らせ).</summary>
    public const string RfpAwarded = "rfp.awarded";
    /// <summary>To every other vendor that submitted a proposal (お見送りのご連絡).</summary>
    public const string RfpNotSelected = "rfp.not-selected";
    /// <summary>To a vendor whose plan's payment failed: the plan holds until the grace period ends (billing).</summary>
    public const string BillingPastDue = "billing.past-due";
}
