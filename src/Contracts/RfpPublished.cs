namespace Marketplace.Contracts;

/// <summary>A client published an RFP (or a new version of it): matching starts from here.</summary>
public sealed record RfpPublished(Guid RfpId, Guid OrganisationId, int Version, DateTimeOffset PublishedAt);

/// <summary>A client cancelled a published RFP; the participants are told the reason.</summary>
public sealed record RfpCancelled(Guid RfpId, Guid OrganisationId, string Reason, DateTimeOffset CancelledAt);

/// <summary>An RFP's proposal deadline passed and the Workers closed it (once): proposals open to the client.</summary>
public sealed record RfpClosed(Guid RfpId, Guid OrganisationId, DateTimeOffset ClosedAt);

/// <summary>
/// The best matches of an RFP version are stored and told; the rest of its matches are still to be stored (the
/// second part of a match, off the path of the notices).
/// </summary>
public sealed record RfpMatchesRemaining(Guid RfpId, Guid OrganisationId, int Version);
