namespace Marketplace.Core.Identity;

/// <summary>
/// A signing or encryption key of the OIDC server, kept so that a restart (or another replica) keeps every token
/// valid. The RSA private key is stored protected by ASP.NET Data Protection, never in clear.
/// </summary>
public sealed class OidcKey
{
    public const string Signing = "signing";
    public const string Encryption = "encryption";

    private OidcKey() { }

    public OidcKey(string purpose, string protectedKey, DateTimeOffset createdAt)
    {
        Id = Guid.CreateVersion7(createdAt);
        Purpose = purpose;
        ProtectedKey = protectedKey;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public string Purpose { get; private set; } = "";
    public string ProtectedKey { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
}
