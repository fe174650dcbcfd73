namespace Marketplace.Core.Organisations;

public enum OrganisationKind
{
    /// <summary>発注企業: publishes RFPs and awards contracts.</summary>
    Client,
    /// <summary>ベンダー: keeps a profile and submits proposals.</summary>
    Vendor,
}

/// <summary>A tenant of the marketplace.</summary>
public sealed class Organisation
{
    public const int NameMaxLength = 200;
    public const int EmailMaxLength = 254;

    private Organisation() { }

    public Organisation(string name, OrganisationKind kind, string contactEmail, string preferredLanguage, DateTimeOffset createdAt)
    {
        Id = Guid.CreateVersion7(createdAt);
        Name = name;
        Kind = kind;
        ContactEmail = contactEmail;
        PreferredLanguage = preferredLanguage;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public OrganisationKind Kind { get; private set; }
    public string ContactEmail { get; private set; } = "";
    /// <summary>"ja" or "en": the language of messages the platform sends to this organisation.</summary>
    public string PreferredLanguage { get; private set; } = "ja";
    public DateTimeOffset CreatedAt { get; private set; }
}
