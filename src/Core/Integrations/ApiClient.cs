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

/// <summary>Scopes an API client may be given. Each names what a token may read or do inside its organisation.</summary>
public static class ApiScopes
{
    /// <summary>The SPA's scope: everything the signed-in person's role allows.</summary>
    public const string Marketplace = "marketplace";
    /// <summary>Read the organisation, its members and its notifications.</summary>
    public const string OrganisationRead = "organisation.read";
    /// <summary>Read the organisation's audit log.</summary>
    public const string AuditRead = "audit.read";

    public static readonly IReadOnlyList<string> ForApiClients = [OrganisationRead, AuditRead];
}
