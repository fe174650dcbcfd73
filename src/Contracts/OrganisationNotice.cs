namespace Marketplace.Contracts;

/// <summary>
/// Tell one organisation something, in the app and by e-mail in its language. <paramref name="Key"/> names the event
/// for that organisation ("rfp.matched:{rfpId}"): however often a notice with the same key is sent (a redelivery, a
/// re-match after an addendum), the organisation hears of it once.
/// </summary>
/// <param name="Type">A notification type (the SPA and the e-mail templates render it).</param>
/// <param name="Data">The parameters both renderings use (rfpId, title, reason, ...).</param>
/// <param name="Condition">Deliver only if this still holds for the recipient, judged in its own context (the sender's
/// may not know: "draftProposal:{rfpId}", the recipient has a draft proposal to that RFP, is sealed from the client).</param>
public sealed record OrganisationNotice(Guid OrganisationId, string Type, string Key, IReadOnlyDictionary<string, string> Data, DateTimeOffset At,
    string? Condition = null);
