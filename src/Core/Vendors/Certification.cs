using Marketplace.Core.Tenancy;
using Marketplace.Core.Texts;

namespace Marketplace.Core.Vendors;

/// <summary>
/// A certification a vendor holds (ISMS/ISO 27001, プライバシーマーク, ...), with its evidence file. Public like the
/// profile; only the vendor writes it, and only a platform operator marks it verified. Any change to a verified
/// certification (its facts or its evidence) clears the mark, so "verified" always means "as checked".
/// </summary>
public sealed class Certification : ITenantWritten
{
    public const int TextMaxLength = 200;
    public const int RejectionReasonMaxLength = 1000;

    private Certification() { }

    public Certification(Guid organisationId, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        OrganisationId = organisationId;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    /// <summary>A code from <see cref="CertificationTypes.All"/>.</summary>
    public string Type { get; private set; } = "";
    /// <summary>The certification's name when the type is "other".</summary>
    public string? OtherName { get; private set; }
    public string RegistrationNumber { get; private set; } = "";
    public string? Scope { get; private set; }
    public string? Issuer { get; private set; }
    public DateOnly ValidFrom { get; private set; }
    public DateOnly ValidTo { get; private set; }

    public string? EvidenceKey { get; private set; }
    public string? EvidenceFileName { get; private set; }
    public string? EvidenceContentType { get; private set; }
    public long? EvidenceSize { get; private set; }

    public DateTimeOffset? VerifiedAt { get; private set; }
    public Guid? VerifiedBy { get; private set; }
    /// <summary>An operator declined to verify it, saying why (the vendor is told); it leaves the queue until the vendor changes it.</summary>
    public DateTimeOffset? RejectedAt { get; private set; }
    public Guid? RejectedBy { get; private set; }
    public string? RejectionReason { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public bool IsVerified => VerifiedAt is not null;

    /// <summary>Certifications ending within this many months are flagged as expiring (search cards, the compare view).</summary>
    public const int ExpiringWithinMonths = 6;

    /// <summary>expired, notYetValid, expiring (ends within <see cref="ExpiringWithinMonths"/> months) or valid, on <paramref name="today"/>.</summary>
    public string StatusOn(DateOnly today) =>
        ValidTo < today ? "expired"
        : ValidFrom > today ? "notYetValid"
        : ValidTo <= today.AddMonths(ExpiringWithinMonths) ? "expiring"
        : "valid";

    /// <summary>Sets the facts; returns true when anything changed (and then a verification no longer holds).</summary>
    public bool Describe(string type, string? otherName, string registrationNumber, string? scope, string? issuer, DateOnly validFrom, DateOnly validTo, DateTimeOffset now)
    {
        var changed = Type != type || OtherName != otherName || RegistrationNumber != registrationNumber || Scope != scope || Issuer != issuer
                      || ValidFrom != validFrom || ValidTo != validTo;
        if (!changed) return false;
        (Type, OtherName, RegistrationNumber, Scope, Issuer, ValidFrom, ValidTo) = (type, otherName, registrationNumber, scope, issuer, validFrom, validTo);
        Unverify(now);
        return true;
    }

    public void AttachEvidence(string key, string fileName, string contentType, long size, DateTimeOffset now)
    {
        (EvidenceKey, EvidenceFileName, EvidenceContentType, EvidenceSize) = (key, fileName, contentType, size);
        Unverify(now);
    }

    public void Verify(Guid operatorId, DateTimeOffset now)
    {
        VerifiedAt = now;
        VerifiedBy = operatorId;
        (RejectedAt, RejectedBy, RejectionReason) = (null, null, null);
    }

    /// <summary>Declines to verify, with the reason the vendor reads; a verified mark goes too.</summary>
    public void Reject(Guid operatorId, string reason, DateTimeOffset now)
    {
        (RejectedAt, RejectedBy, RejectionReason) = (now, operatorId, reason);
        VerifiedAt = null;
        VerifiedBy = null;
    }

    /// <summary>A change by the vendor: neither a verification nor a rejection holds any more, and it waits in the queue again.</summary>
    private void Unverify(DateTimeOffset now)
    {
        VerifiedAt = null;
        VerifiedBy = null;
        (RejectedAt, RejectedBy, RejectionReason) = (null, null, null);
        UpdatedAt = now;
    }
}

public static class CertificationTypes
{
    /// <summary>Every type in a fixed order; a position here is a position in the search entry's arrays, so add new types at the end.</summary>
    public static readonly IReadOnlyList<string> Codes = ["isms", "pmark", "iso9001", "soc2", "other"];

    /// <summary>The type's name (catalogue: certification.type.*).</summary>
    public static Text Name(string code) => Text.Of($"certification.type.{code}");

    /// <summary>Each type's name in Japanese and English, for the search text and the validation message, which hold both.</summary>
    public static readonly IReadOnlyDictionary<string, (string Ja, string En)> All =
        Codes.ToDictionary(code => code, code => (TextCatalogue.In("ja", Name(code)), TextCatalogue.In("en", Name(code))));
}
