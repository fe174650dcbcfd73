using Marketplace.Core.Texts;

namespace Marketplace.Core.Awards;

/// <summary>The person who proposed an award cannot approve it (稟議: a second person decides; answered 403).</summary>
public sealed class SelfApprovalException()
    : DomainException(Refusal.Forbidden, Text.Of("common.notAllowed"), Text.Of("award.selfApproval"));
