using System.Security.Cryptography;
using System.Text;
using Marketplace.Core.Tenancy;

namespace Marketplace.Core.Organisations;

/// <summary>
/// An invitation to join an organisation with a role, sent by e-mail. The link carries a random token; only its
/// SHA-256 is stored, so a copy of the database cannot be used to accept invitations.
/// </summary>
public sealed class Invitation : ITenantOwned
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    private Invitation() { }

    private Invitation(Guid organisationId, string email, string role, byte[] tokenHash, Guid invitedBy, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        OrganisationId = organisationId;
        Email = email;
        Role = role;
        TokenHash = tokenHash;
        InvitedBy = invitedBy;
        CreatedAt = now;
        ExpiresAt = now + Lifetime;
    }

    /// <summary>Creates an invitation and the token for its link (returned once, never stored).</summary>
    public static (Invitation Invitation, string Token) Create(Guid organisationId, string email, string role, Guid invitedBy, DateTimeOffset now)
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        return (new Invitation(organisationId, email, role, Hash(token), invitedBy, now), token);
    }

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public string Email { get; private set; } = "";
    public string Role { get; private set; } = "";
    public byte[] TokenHash { get; private set; } = [];
    public Guid InvitedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? AcceptedAt { get; private set; }
    public Guid? AcceptedBy { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsPending(DateTimeOffset now) => AcceptedAt is null && RevokedAt is null && now < ExpiresAt;

    /// <summary>True when <paramref name="token"/> is this invitation's (compared in constant time).</summary>
    public bool Matches(string token) => CryptographicOperations.FixedTimeEquals(Hash(token), TokenHash);

    public void Accept(Guid userId, DateTimeOffset now)
    {
        AcceptedAt = now;
        AcceptedBy = userId;
    }

    public void Revoke(DateTimeOffset now) => RevokedAt = now;
}
