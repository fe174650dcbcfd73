namespace Marketplace.Contracts;

/// <summary>An organisation (a client company or a vendor) was registered on the platform.</summary>
public sealed record OrganisationRegistered(
    Guid OrganisationId,
    string Name,
    string Kind,
    string PreferredLanguage,
    DateTimeOffset RegisteredAt);
