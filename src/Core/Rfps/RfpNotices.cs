using Marketplace.Core.Data;
using Marketplace.Core.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Rfps;

/// <summary>Notices from a client's RFP to the vendors taking part in it (the context acts for the client).</summary>
public static class RfpNotices
{
    /// <summary>
    /// Tells every participant (and, with <paramref name="invitedToo"/>, every invited vendor) through the outbox, in
    /// the caller's transaction. <paramref name="key"/> is unique to the event, so each vendor hears of it once.
    /// </summary>
    /// <returns>How many vendors were told.</returns>
    public static async Task<int> ToParticipantsAsync(MarketplaceDbContext db, Rfp rfp, string type, string key, IReadOnlyDictionary<string, string>? extra,
        TimeProvider clock, CancellationToken cancellationToken, bool invitedToo = false, string? condition = null)
    {
        var vendors = await db.RfpParticipants.Where(p => p.RfpId == rfp.Id).Select(p => p.VendorId).ToListAsync(cancellationToken);
        if (invitedToo)
            vendors.AddRange(await db.RfpInvitations.Where(i => i.RfpId == rfp.Id).Select(i => i.VendorId).ToListAsync(cancellationToken));
        var data = new Dictionary<string, string> { ["rfpId"] = rfp.Id.ToString(), ["title"] = rfp.Content.Title };
        foreach (var (name, value) in extra ?? new Dictionary<string, string>()) data[name] = value;
        var recipients = vendors.Distinct().ToList();
        foreach (var vendor in recipients)
            Notices.Send(db, vendor, type, key, data, clock, condition);
        return recipients.Count;
    }
}
