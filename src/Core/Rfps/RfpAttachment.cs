using Marketplace.Core.Tenancy;

namespace Marketplace.Core.Rfps;

/// <summary>
/// A document attached to an RFP (a business flow, a form, a sample): PDF, PNG or JPEG, checked like certification
/// evidence and stored outside the web root. Added and removed while the RFP is a draft, then part of what vendors
/// see (row-level security: the client, and vendors that see the RFP's listing).
/// </summary>
public sealed class RfpAttachment : ITenantOwned
{
    public const int MaxPerRfp = 20;

    private RfpAttachment() { }

    public RfpAttachment(Guid rfpId, Guid organisationId, string fileKey, string fileName, string contentType, long size, DateTimeOffset uploadedAt)
    {
        Id = Guid.CreateVersion7(uploadedAt);
        RfpId = rfpId;
        OrganisationId = organisationId;
        FileKey = fileKey;
        FileName = fileName;
        ContentType = contentType;
        Size = size;
        UploadedAt = uploadedAt;
    }

    public Guid Id { get; private set; }
    public Guid RfpId { get; private set; }
    public Guid OrganisationId { get; private set; }
    /// <summary>Where the file storage keeps it (never shown).</summary>
    public string FileKey { get; private set; } = "";
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long Size { get; private set; }
    public DateTimeOffset UploadedAt { get; private set; }
}
