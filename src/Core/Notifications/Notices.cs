using System.Text.Json;
using Marketplace.Contracts;
using Marketplace.Core.Data;
using Marketplace.Core.Hosting;
using Marketplace.Core.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Notifications;

/// <summary>
/// Notices to other organisations. The sender cannot write another organisation's notifications (row-level security),
/// so it enqueues an <see cref="OrganisationNotice"/> in its own transaction; the Workers store it acting for the
/// recipient, and only the first notice with a key is stored and e-mailed.
/// </summary>
public static class Notices
{
    /// <param name="condition">See <see cref="OrganisationNotice.Condition"/>.</param>
    public static void Send(MarketplaceDbContext db, Guid recipient, string type, string key, IReadOnlyDictionary<string, string> data, TimeProvider clock,
        string? condition = null) =>
        db.EnqueueMessage(new OrganisationNotice(recipient, type, key, data, clock.GetDatabaseNow(), condition), recipient, clock);

    /// <summary>Whether a notice's condition holds for its recipient (the context acts for the recipient).</summary>
    public static async Task<bool> ConditionHoldsAsync(MarketplaceDbContext db, OrganisationNotice notice, CancellationToken cancellationToken) =>
        notice.Condition?.Split(':', 2) switch
        {
            null => true,
            ["draftProposal", var rfp] when Guid.TryParse(rfp, out var rfpId) =>
                await db.Proposals.AnyAsync(p => p.RfpId == rfpId && p.VendorId == notice.OrganisationId && p.Status == Proposals.ProposalStatus.Draft, cancellationToken),
            _ => throw new InvalidOperationException($"Unknown notice condition '{notice.Condition}'."),
        };

    /// <summary>The condition of a reminder meant for vendors still drafting a proposal to the RFP.</summary>
    public static string DraftProposalTo(Guid rfpId) => $"draftProposal:{rfpId}";

    /// <summary>Stores the notice for its organisation (the context acts for it); false when one with the key was stored before.</summary>
    public static async Task<bool> StoreAsync(MarketplaceDbContext db, OrganisationNotice notice, CancellationToken cancellationToken)
    {
        var data = JsonSerializer.Serialize(notice.Data, MessageTypes.Json);
        var id = Guid.CreateVersion7(notice.At);
        var stored = await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO notifications (id, organisation_id, type, data, created_at, key)
            VALUES ({id}, {notice.OrganisationId}, {notice.Type}, {data}::jsonb, {notice.At}, {notice.Key})
            ON CONFLICT (organisation_id, key) WHERE key IS NOT NULL DO NOTHING
            """, cancellationToken);
        return stored == 1;
    }
}
