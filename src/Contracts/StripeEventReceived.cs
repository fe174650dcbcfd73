namespace Marketplace.Contracts;

/// <summary>A verified Stripe event was stored (stripe_events) for a vendor organisation; the Workers apply it.</summary>
public sealed record StripeEventReceived(string EventId, Guid OrganisationId, string Type);
