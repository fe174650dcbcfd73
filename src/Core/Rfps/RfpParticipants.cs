using Marketplace.Core.Data;
using Marketplace.Core.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Rfps;

/// <summary>Who takes part in a published RFP: the vendors that declared it, asked a question or started a proposal.</summary>
public static class RfpParticipants
{
    /// <summary>
    /// Records the vendor's participation once (a second declaration changes nothing, so two at once are one). The
    /// row-level policy vendor_joins lets a vendor insert only itself, and only while the listing is published.
    /// </summary>
    public static Task JoinAsync(MarketplaceDbContext db, RfpListing listing, Guid vendorId, TimeProvider clock, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO rfp_participants (rfp_id, vendor_id, client_organisation_id, joined_at)
            VALUES ({listing.RfpId}, {vendorId}, {listing.ClientOrganisationId}, {clock.GetDatabaseNow()})
            ON CONFLICT DO NOTHING
            """, cancellationToken);
}
