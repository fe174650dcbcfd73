using Marketplace.Core.Texts;

namespace Marketplace.Core.Rfps;

/// <summary>An addendum is a change: one with the content in force is refused (400 on content).</summary>
public sealed class AddendumChangesNothingException()
    : DomainException(Refusal.Invalid, Text.Of("common.checkTheFields"), Text.Of("rfp.addendum.nothingChanged"), "content");
