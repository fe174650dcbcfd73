using Marketplace.Core.Auditing;
using Marketplace.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Api.Features.AuditLog;

/// <summary>What an audit entry's object is called now, and the RFP it belongs to (for a link); null when it is gone.</summary>
public sealed record AuditObjectName(string Name, Guid? RfpId);

/// <summary>
/// Names for the objects and actors of one page of the audit log, read with the reader's own rights (row-level
/// security): an RFP by its title, a proposal by its RFP's title, a member or invitation by e-mail, an API client by
/// its name. A deleted object keeps its entry, only without a name.
/// </summary>
public static class AuditObjectNames
{
    public static async Task<Dictionary<(string Type, string Id), AuditObjectName>> ForAsync(MarketplaceDbContext db, IReadOnlyCollection<AuditEntry> entries,
        bool english, CancellationToken cancellationToken)
    {
        var names = new Dictionary<(string, string), AuditObjectName>();
        Guid[] Ids(string type) => entries.Where(e => e.ObjectType == type && Guid.TryParse(e.ObjectId, out _)).Select(e => Guid.Parse(e.ObjectId!)).Distinct().ToArray();
        var proposalIds = Ids("proposal");
        var certificationIds = Ids("certification");
        var contractIds = Ids("contract");
        var membershipIds = Ids("membership");
        var invitationIds = Ids("invitation");
        var userIds = Ids("user");
        var organisationIds = Ids("organisation");
        var apiClientIds = Ids("api-client");
        var serviceIds = Ids("catalogue-service");
        var rfpObjectIds = Ids("rfp");
        void Add(string type, Guid id, string? name, Guid? rfpId = null)
        {
            if (!string.IsNullOrWhiteSpace(name)) names[(type, id.ToString())] = new AuditObjectName(name, rfpId);
        }

        var proposals = await db.Proposals.AsNoTracking().Where(p => proposalIds.Contains(p.Id)).Select(p => new { p.Id, p.RfpId }).ToListAsync(cancellationToken);
        var rfpIds = rfpObjectIds.Concat(proposals.Select(p => p.RfpId)).Distinct().ToArray();
        // The client reads its RFPs; a vendor reads what the listing shows of them.
        var titles = (await db.Rfps.AsNoTracking().Where(r => rfpIds.Contains(r.Id)).Select(r => new { r.Id, r.Content }).ToListAsync(cancellationToken))
            .ToDictionary(r => r.Id, r => r.Content.Title);
        foreach (var listing in await db.RfpListings.AsNoTracking().Where(l => rfpIds.Contains(l.RfpId) && !titles.Keys.Contains(l.RfpId))
                     .Select(l => new { l.RfpId, l.Title }).ToListAsync(cancellationToken))
            titles[listing.RfpId] = listing.Title;
        foreach (var id in rfpObjectIds) Add("rfp", id, titles.GetValueOrDefault(id), id);
        foreach (var p in proposals) Add("proposal", p.Id, titles.GetValueOrDefault(p.RfpId), p.RfpId);

        foreach (var c in await db.Contracts.AsNoTracking().Where(c => contractIds.Contains(c.Id)).Select(c => new { c.Id, c.Title, c.RfpId }).ToListAsync(cancellationToken))
            Add("contract", c.Id, c.Title, c.RfpId);
        foreach (var m in await db.Memberships.AsNoTracking().Where(m => membershipIds.Contains(m.Id))
                     .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m.Id, u.Email }).ToListAsync(cancellationToken))
            Add("membership", m.Id, m.Email);
        foreach (var i in await db.Invitations.AsNoTracking().Where(i => invitationIds.Contains(i.Id)).Select(i => new { i.Id, i.Email }).ToListAsync(cancellationToken))
            Add("invitation", i.Id, i.Email);
        foreach (var u in await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).Select(u => new { u.Id, u.Email }).ToListAsync(cancellationToken))
            Add("user", u.Id, u.Email);
        foreach (var o in await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id)).Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken))
            Add("organisation", o.Id, o.Name);
        foreach (var a in await db.ApiClients.AsNoTracking().Where(a => apiClientIds.Contains(a.Id)).Select(a => new { a.Id, a.Name }).ToListAsync(cancellationToken))
            Add("api-client", a.Id, a.Name);
        foreach (var s in await db.CatalogueServices.AsNoTracking().Where(s => serviceIds.Contains(s.Id)).Select(s => new { s.Id, s.NameJa, s.NameEn }).ToListAsync(cancellationToken))
            Add("catalogue-service", s.Id, english ? s.NameEn : s.NameJa);
        foreach (var c in await db.Certifications.AsNoTracking().Where(c => certificationIds.Contains(c.Id))
                     .Select(c => new { c.Id, c.Type, c.OtherName, c.RegistrationNumber }).ToListAsync(cancellationToken))
        {
            var type = c.OtherName ?? (Marketplace.Core.Vendors.CertificationTypes.All.TryGetValue(c.Type, out var t) ? (english ? t.En : t.Ja) : c.Type);
            Add("certification", c.Id, $"{type} {c.RegistrationNumber}");
        }
        return names;
    }

    /// <summary>An API client acting ("client:{clientId}") by its name.</summary>
    public static async Task<Dictionary<string, string>> ApiClientActorsAsync(MarketplaceDbContext db, IReadOnlyCollection<AuditEntry> entries, CancellationToken cancellationToken)
    {
        var clientIds = entries.Where(e => e.Actor.StartsWith("client:")).Select(e => e.Actor["client:".Length..]).Distinct().ToArray();
        if (clientIds.Length == 0) return [];
        return await db.ApiClients.AsNoTracking().Where(a => clientIds.Contains(a.ClientId))
            .ToDictionaryAsync(a => "client:" + a.ClientId, a => a.Name, cancellationToken);
    }
}
