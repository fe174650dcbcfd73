using Marketplace.Core.Tenancy;

namespace Marketplace.Core.Integrations;

/// <summary>
/// An organisation's integration: an OpenIddict application using the client credentials flow, whose tokens act
/// only inside this organisation. The secret lives (hashed) in the OpenIddict application, never here.
/// </summary>
public sealed class ApiClient : ITenantOwned
{
    public const int NameMaxLength = 100;

    private ApiClient() { }

    public ApiClient(Guid organisationId, string name, string clientId, string[] scopes, Guid createdBy, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        OrganisationId = organisationId;
        Name = name;
        ClientId = clientId;
        Scopes = scopes;
        CreatedBy = createdBy;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public string Name { get; private set; } = "";
    /// <summary>The OAuth client_id ("org-" + a random suffix).</summary>
    public string ClientId { get; private set; } = "";
    public string[] Scopes { get; private set; } = [];
    public Guid CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    public void Revoke(DateTimeOffset now) => RevokedAt = now;
}

/// <summary>
/// Scopes an API client may be given, one per area and per reading or changing, so that an integration holds only
/// what it needs (decision 0023). Each endpoint names the one scope it needs (RequireMember); a token without it gets 403.
/// </summary>
public static class ApiScopes
{
    /// <summary>The SPA's scope: everything the signed-in person's role allows.</summary>
    public const string Marketplace = "marketplace";
    public const string OrganisationRead = "organisation.read";
    public const string AuditRead = "audit.read";
    public const string RfpsRead = "rfps.read";
    public const string RfpsWrite = "rfps.write";
    public const string ProposalsRead = "proposals.read";
    public const string ContractsRead = "contracts.read";
    public const string WorkInventoryRead = "work-inventory.read";
    public const string WorkInventoryWrite = "work-inventory.write";
    public const string VendorProfileRead = "vendor-profile.read";
    public const string VendorProfileWrite = "vendor-profile.write";
    public const string BillingRead = "billing.read";

    /// <summary>Every scope an API client may hold: what it allows (for the OpenAPI document) and for which kind of organisation.</summary>
    public static readonly IReadOnlyList<ApiScope> ForApiClients =
    [
        new(OrganisationRead, "Read the organisation, its members, its notifications and its home page", null),
        new(AuditRead, "Read the organisation's audit log", null),
        new(RfpsRead, "Read RFPs: a client's own (with matches, activity, attachments and OCDS), a vendor's invitations and matches", null),
        new(RfpsWrite, "Draft, publish, amend and cancel the client's RFPs, and their attachments", Organisations.OrganisationKind.Client),
        new(ProposalsRead, "Read proposals: a client's received summary after the deadline, a vendor's own", null),
        new(ContractsRead, "Read awarded contracts and their KPI reviews", null),
        new(WorkInventoryRead, "Read the client's work inventory", Organisations.OrganisationKind.Client),
        new(WorkInventoryWrite, "Add, change and remove the client's work-inventory tasks", Organisations.OrganisationKind.Client),
        new(VendorProfileRead, "Read the vendor's profile and certifications", Organisations.OrganisationKind.Vendor),
        new(VendorProfileWrite, "Change the vendor's profile and certifications, and upload evidence", Organisations.OrganisationKind.Vendor),
        new(BillingRead, "Read the vendor's plan and quota", Organisations.OrganisationKind.Vendor),
    ];

    public static readonly IReadOnlySet<string> Names = ForApiClients.Select(s => s.Name).ToHashSet();
}

/// <summary>A scope for integrations; <paramref name="Kind"/> null when both kinds of organisation use it.</summary>
public sealed record ApiScope(string Name, string Description, Organisations.OrganisationKind? Kind);
