namespace Marketplace.Core.Rfps;

/// <summary>
/// A vendor an RFP matched, with its fit score and the reasons (both languages, so either party reads them in its
/// own). Seen by the two parties only: the client organisation and the vendor (row-level security).
/// </summary>
public sealed class RfpMatch
{
    private RfpMatch() { }

    public Guid RfpId { get; private set; }
    public Guid VendorId { get; private set; }
    public Guid ClientOrganisationId { get; private set; }
    /// <summary>The RFP version matched.</summary>
    public int Version { get; private set; }
    public int Score { get; private set; }
    public MatchReason[] Reasons { get; private set; } = [];
    public DateTimeOffset MatchedAt { get; private set; }
}
