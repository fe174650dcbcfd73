using Marketplace.Core.Tenancy;

namespace Marketplace.Core.Organisations;

/// <summary>
/// A person's place in an organisation, with one role. Tenant-owned, but row-level security also lets a person see
/// their own memberships in every organisation (so the SPA can list them for the switcher).
/// </summary>
public sealed class Membership : ITenantOwned
{
    private Membership() { }

    public Membership(Guid organisationId, Guid userId, string role, DateTimeOffset createdAt)
    {
        Id = Guid.CreateVersion7(createdAt);
        OrganisationId = organisationId;
        UserId = userId;
        Role = role;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid UserId { get; private set; }
    /// <summary>One of <see cref="OrganisationRoles"/> allowed for the organisation's kind.</summary>
    public string Role { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }

    public void ChangeRole(string role) => Role = role;
}

/// <summary>
/// Roles inside an organisation. Owner and admin manage the organisation (members, invitations, API clients);
/// only an owner makes or unmakes another owner, and the last owner cannot leave or be demoted.
/// </summary>
public static class OrganisationRoles
{
    public const string Owner = "owner";
    public const string Admin = "admin";
    /// <summary>Client: writes RFPs, runs the evaluation, proposes the award.</summary>
    public const string Procurement = "procurement";
    /// <summary>Client: scores the proposals assigned to them.</summary>
    public const string Evaluator = "evaluator";
    /// <summary>Vendor: edits the profile, writes and submits proposals.</summary>
    public const string Sales = "sales";
    /// <summary>Reads, changes nothing.</summary>
    public const string Viewer = "viewer";

    public static readonly IReadOnlyList<string> Client = [Owner, Admin, Procurement, Evaluator, Viewer];
    public static readonly IReadOnlyList<string> Vendor = [Owner, Admin, Sales, Viewer];

    public static IReadOnlyList<string> For(OrganisationKind kind) => kind == OrganisationKind.Vendor ? Vendor : Client;

    /// <summary>Roles that manage the organisation itself.</summary>
    public static readonly IReadOnlyList<string> Managers = [Owner, Admin];

    public const int MaxLength = 32;
}
