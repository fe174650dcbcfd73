using Marketplace.Core.Hosting;
using Marketplace.Contracts;
using Marketplace.Core.Data;
using Marketplace.Core.Messaging;

namespace Marketplace.Core.Organisations;

public static class OrganisationRegistration
{
    /// <summary>
    /// Adds the organisation and its <see cref="OrganisationRegistered"/> message to the context; both are written
    /// by the caller's next SaveChanges, in one transaction.
    /// </summary>
    public static Organisation Register(this MarketplaceDbContext db, string name, OrganisationKind kind, string contactEmail, string preferredLanguage, TimeProvider clock)
    {
        var organisation = new Organisation(name, kind, contactEmail, preferredLanguage, clock.GetDatabaseNow());
        db.Organisations.Add(organisation);
        db.EnqueueMessage(
            new OrganisationRegistered(organisation.Id, organisation.Name, kind.ToString(), preferredLanguage, organisation.CreatedAt),
            organisation.Id,
            clock);
        return organisation;
    }
}
