using Marketplace.Core.Rfps;
using Marketplace.Core.Texts;
using Marketplace.Core.Vendors;

namespace Marketplace.Core.Proposals;

/// <summary>
/// The fee breakdown of a proposal (JPY, tax-exclusive): what the total cost of ownership is computed from. Per-unit
/// prices are graduated volume bands, as on the vendor profile (<see cref="UnitPrice.MonthlyCharge"/>).
/// </summary>
public sealed record ProposalFees
{
    public long InitialYen { get; init; }
    public long MonthlyYen { get; init; }
    public UnitPrice[] UnitPrices { get; init; } = [];
    /// <summary>When extra charges arise (追加費用が発生する条件): shown as a flag beside the proposal.</summary>
    public string[] ExtraChargeConditions { get; init; } = [];
    /// <summary>What the fees include as standard.</summary>
    public string[] StandardInclusions { get; init; } = [];
}

/// <summary>The vendor's commitment against one of the RFP's KPI targets (by its metric).</summary>
public sealed record KpiCommitment(string Metric, decimal Committed, string? Note = null);

/// <summary>An answer to one question of the security questionnaire (<see cref="SecurityQuestionnaire"/>).</summary>
public sealed record SecurityAnswer(string Code, string Answer);

/// <summary>How the work can leave the vendor (the seed's FAQ Q4): no black box.</summary>
public sealed record ExitTerms
{
    public string? ManualHandover { get; init; }
    public string? DataReturn { get; init; }
    /// <summary>Months of support after the contract ends.</summary>
    public int? SupportMonths { get; init; }
}

/// <summary>A file the proposal carries (<see cref="ProposalAttachment"/>), as the version records it.</summary>
public sealed record AttachedFile(Guid Id, string FileName, string ContentType, long Size);

/// <summary>A proposal (提案) in the RFP's structure, so that proposals compare field by field.</summary>
public sealed record ProposalContent
{
    public string? Summary { get; init; }
    public ProposalFees Fees { get; init; } = new();
    public KpiCommitment[] Kpis { get; init; } = [];
    public SecurityAnswer[] Security { get; init; } = [];
    public string? Bcp { get; init; }
    public string? TransitionPlan { get; init; }
    public string? Team { get; init; }
    public ExitTerms Exit { get; init; } = new();
    /// <summary>The attached documents. Written by the upload and removal endpoints only, never by a save of the working copy.</summary>
    public AttachedFile[] Attachments { get; init; } = [];

    /// <summary>
    /// What is missing before this can be submitted against <paramref name="rfp"/> (codes the SPA and the Api name in
    /// the reader's language): a fee, a commitment for every KPI target, the transition plan and the team, an answer to
    /// every question of the questionnaire, the BCP when the RFP requires one, the exit terms.
    /// </summary>
    public IReadOnlyList<string> MissingFor(RfpContent rfp)
    {
        var missing = new List<string>();
        if (Fees.MonthlyYen == 0 && Fees.InitialYen == 0 && Fees.UnitPrices.Length == 0) missing.Add("fees");
        foreach (var target in rfp.FilledKpis())
            if (!Kpis.Any(k => k.Metric == target.Metric)) missing.Add($"kpi:{target.Metric}");
        foreach (var question in SecurityQuestionnaire.Questions)
            if (!Security.Any(a => a.Code == question && !string.IsNullOrWhiteSpace(a.Answer))) missing.Add($"security:{question}");
        if (rfp.BcpRequired && string.IsNullOrWhiteSpace(Bcp)) missing.Add("bcp");
        if (string.IsNullOrWhiteSpace(TransitionPlan)) missing.Add("transitionPlan");
        if (string.IsNullOrWhiteSpace(Team)) missing.Add("team");
        if (string.IsNullOrWhiteSpace(Exit.ManualHandover) || string.IsNullOrWhiteSpace(Exit.DataReturn)) missing.Add("exit");
        return missing;
    }

    /// <summary>What a code of <see cref="MissingFor"/> names, in words (catalogue: proposal.missing.*).</summary>
    public static Text MissingLabel(string code) => code.Split(':', 2) switch
    {
        ["kpi", var metric] => Text.Of("proposal.missing.kpi", new { metric }),
        ["security", var question] => Text.Of("proposal.missing.security", new { question = SecurityQuestionnaire.Question(question) }),
        [var item] => Text.Of($"proposal.missing.{item}"),
        _ => Text.Of(code),
    };
}

/// <summary>
/// The security questionnaire every proposal answers. The first four are prefilled from the vendor profile's security
/// practices (its answer library), the rest the vendor writes for this RFP.
/// </summary>
public static class SecurityQuestionnaire
{
    /// <summary>The questions' codes, in order; each reads as proposal.security.&lt;code&gt; in the catalogue.</summary>
    public static readonly IReadOnlyList<string> Questions = ["accessControl", "auditLogging", "subcontracting", "incidentResponse", "dataHandling", "requirements"];

    public static Text Question(string code) => Text.Of($"proposal.security.{code}");

    /// <summary>The answers a vendor's profile already gives (its answer library), by question.</summary>
    public static SecurityAnswer[] PrefillFrom(VendorProfile? profile) =>
        profile is null ? [] : new (string Code, string? Answer)[]
            {
                ("accessControl", profile.AccessControl), ("auditLogging", profile.AuditLogging),
                ("subcontracting", profile.SubcontractingPolicy), ("incidentResponse", profile.IncidentResponse),
            }
            .Where(a => !string.IsNullOrWhiteSpace(a.Answer)).Select(a => new SecurityAnswer(a.Code, a.Answer!)).ToArray();
}
