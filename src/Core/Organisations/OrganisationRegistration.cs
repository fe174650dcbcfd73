using Marketplace.Contracts;
using Marketplace.Core.Auditing;
using Marketplace.Core.Data;
using Marketplace.Core.Hosting;
using Marketplace.Core.Messaging;

namespace Marketplace.Core.Organisations;

public static class OrganisationRegistration
{
    /// <summary>
    /// Registers an organisation: the row, its first owner's membership, its <see cref="OrganisationRegistered"/>
    /// message (outbox) and the audit entry commit together in one transaction, or not at all. The scope of
    /// <paramref name="db"/> must have no organisation yet: from here on it acts inside the new one.
    /// </summary>
    public static async Task<Organisation> RegisterAsync(this MarketplaceDbContext db, string name, OrganisationKind kind, string contactEmail,
        string preferredLanguage, Guid? ownerUserId, string actor, string? ipAddress, TimeProvider clock, CancellationToken cancellationToken)
    {
        var organisation = new Organisation(name, kind, contactEmail, preferredLanguage, clock.GetDatabaseNow());
        db.Tenant.Set(organisation.Id); // before the connection opens, so row-level security sees it
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Organisations.Add(organisation);
        if (ownerUserId is { } owner)
            db.Memberships.Add(new Membership(organisation.Id, owner, OrganisationRoles.Owner, organisation.CreatedAt));
        db.EnqueueMessage(
            new OrganisationRegistered(organisation.Id, organisation.Name, kind.ToString(), preferredLanguage, organisation.CreatedAt),
            organisation.Id,
            clock);
        await db.SaveChangesAsync(cancellationToken);
        await db.AppendAuditAsync(new AuditRecord(organisation.Id, actor, AuditActions.OrganisationRegistered, "organisation",
            organisation.Id.ToString(), ipAddress, new { organisation.Name, kind = kind.ToString() }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return organisation;
    }
}
