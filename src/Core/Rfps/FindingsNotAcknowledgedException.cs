using Marketplace.Core.Texts;

namespace Marketplace.Core.Rfps;

/// <summary>
/// Publishing over text that reads like directing the vendor's staff (偽装請負) needs the author's acknowledgement, which
/// the audit trail records (400 on acknowledgeFindings).
/// </summary>
public sealed class FindingsNotAcknowledgedException(int count) : DomainException(Refusal.Invalid,
    Text.Of("common.checkTheFields"), Text.Of("rfp.findingsNotAcknowledged", new { count }), "acknowledgeFindings");
