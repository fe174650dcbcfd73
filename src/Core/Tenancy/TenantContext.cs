namespace Marketplace.Core.Tenancy;

/// <summary>
/// The organisation a request or a message acts for, resolved once per scope (request, consumed message). Every
/// tenant-owned query and write goes through it twice: EF Core's "Tenant" query filter and save check, and
/// PostgreSQL's row-level security, which reads the same value from the connection (app.current_org).
/// </summary>
public sealed class TenantContext
{
    public Guid? OrganisationId { get; private set; }

    /// <summary>
    /// The signed-in person, if any. Row-level security lets a person read their own memberships in every
    /// organisation (app.current_user), which is how the active organisation is verified.
    /// </summary>
    public Guid? UserId { get; private set; }

    public void SetUser(Guid userId)
    {
        if (userId == Guid.Empty)
            throw new ArgumentException("A user id is required.", nameof(userId));
        if (UserId is { } current && current != userId)
            throw new InvalidOperationException("The user of this scope is already set to another one.");
        UserId = userId;
    }

    /// <summary>Sets the tenant once; changing it within the same scope is a bug and refused.</summary>
    public void Set(Guid organisationId)
    {
        if (organisationId == Guid.Empty)
            throw new ArgumentException("An organisation id is required.", nameof(organisationId));
        if (OrganisationId is { } current && current != organisationId)
            throw new InvalidOperationException("The organisation of this scope is already set to another one.");
        OrganisationId = organisationId;
    }
}

/// <summary>Rows that belong to one organisation; filtered and protected by row-level security.</summary>
public interface ITenantOwned
{
    Guid OrganisationId { get; }
}

/// <summary>
/// Rows that one organisation writes and everyone reads (a vendor's public profile): no read filter, but the save
/// check and row-level security refuse writes from any other organisation.
/// </summary>
public interface ITenantWritten
{
    Guid OrganisationId { get; }
}

/// <summary>A save tried to add, change or delete a row of an organisation other than the scope's.</summary>
public sealed class CrossTenantWriteException(string entity) : InvalidOperationException(
    $"Refused to write a {entity} of another organisation (or with no organisation set for this scope).");
