using Microsoft.AspNetCore.Identity;

namespace Marketplace.Core.Identity;

/// <summary>A person who signs in. Not a tenant: one person may belong to several organisations.</summary>
public sealed class User : IdentityUser<Guid>
{
    /// <summary>"ja" or "en": the language of the e-mails this person receives.</summary>
    public string PreferredLanguage { get; set; } = "ja";
    public DateTimeOffset CreatedAt { get; set; }
}
