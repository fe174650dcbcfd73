using Marketplace.Contracts;
using Marketplace.Core.Auditing;
using Marketplace.Core.Data;
using Marketplace.Core.Hosting;
using Marketplace.Core.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Organisations;

public static class OrganisationRegistration
{
    /// <summary>
    /// Registers an organisation: the row, its <see cref="OrganisationRegistered"/> message (outbox) and the audit
    /// entry commit together in one transaction, or not at all.
    /// </summary>
    public static async Task<Organisation> RegisterAsync(this MarketplaceDbContext db, string name, OrganisationKind kind, string contactEmail,
        string preferredLanguage, string actor, string? ipAddress, TimeProvider clock, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var organisation = new Organisation(name, kind, contactEmail, preferredLanguage, clock.GetDatabaseNow());
        db.Organisations.Add(organisation);
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
