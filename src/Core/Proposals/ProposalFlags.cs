using Marketplace.Core.Rfps;
using Marketplace.Core.Texts;
using Marketplace.Core.Vendors;

namespace Marketplace.Core.Proposals;

/// <param name="Code">certificationExpires, belowTarget, extraCharges, notConforming, unpriced.</param>
/// <param name="Subject">What it is about: the certification type, the KPI metric, the volume item; null for the others.</param>
public sealed record ProposalFlag(string Code, string? Subject = null)
{
    /// <summary>What the flag says (catalogue: proposal.flag.*), naming its subject.</summary>
    public Text Text => Code == "certificationExpires"
        ? Text.Of($"proposal.flag.{Code}", new { certification = CertificationTypes.Name(Subject ?? "other") })
        : Text.Of($"proposal.flag.{Code}", new { subject = Subject });
}

/// <summary>
/// What procurement should see beside a proposal's score (domain.md): a required certification that ends before the
/// contract does, an SLA commitment short of the RFP's target, conditions that bring extra charges, a proposal not
/// re-confirmed after an addendum, and expected volumes the proposal gives no price for.
/// </summary>
public static class ProposalFlags
{
    public static readonly IReadOnlyList<string> Codes = ["notConforming", "certificationExpires", "belowTarget", "extraCharges", "unpriced"];

    /// <param name="certificationValidTo">The vendor's latest end date per certification type it holds.</param>
    public static IReadOnlyList<ProposalFlag> For(ProposalContent proposal, int answeredRfpVersion, RfpContent rfp, int currentRfpVersion,
        IReadOnlyDictionary<string, DateOnly> certificationValidTo)
    {
        var flags = new List<ProposalFlag>();
        if (answeredRfpVersion != currentRfpVersion) flags.Add(new("notConforming"));
        if (rfp.ContractEnd() is { } contractEnd)
            foreach (var required in rfp.RequiredCertifications)
                if (!certificationValidTo.TryGetValue(required, out var validTo) || validTo < contractEnd)
                    flags.Add(new("certificationExpires", required));
        foreach (var target in rfp.FilledKpis())
        {
            var committed = proposal.Kpis.FirstOrDefault(k => k.Metric == target.Metric);
            if (committed is null || (target.Direction == "lower" ? committed.Committed > target.Target : committed.Committed < target.Target))
                flags.Add(new("belowTarget", target.Metric));
        }
        if (proposal.Fees.ExtraChargeConditions.Length > 0) flags.Add(new("extraCharges"));
        foreach (var volume in VolumeCharges.At(proposal.Fees.UnitPrices, rfp.ExpectedVolumes).Unpriced)
            flags.Add(new("unpriced", volume.Item));
        return flags;
    }
}
