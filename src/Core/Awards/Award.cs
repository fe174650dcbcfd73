using Marketplace.Core.Proposals;
using Marketplace.Core.Rfps;
using Marketplace.Core.Tenancy;

namespace Marketplace.Core.Awards;

public enum AwardStatus { Proposed, Approved, Rejected }

/// <summary>
/// An award (落札・採択) of an RFP to one proposal: procurement proposes it with a reason, a second person with the
/// owner or admin role approves or rejects it. A rejected award stays on record; procurement may propose again.
/// </summary>
public sealed class RfpAward : ITenantOwned
{
    public const int ReasonMaxLength = 2000;

    private RfpAward() { }

    public RfpAward(Guid rfpId, Guid organisationId, Guid proposalId, Guid vendorId, string vendorName, string reason, Guid proposedBy, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        RfpId = rfpId;
        OrganisationId = organisationId;
        ProposalId = proposalId;
        VendorId = vendorId;
        VendorName = vendorName;
        Reason = reason.Trim();
        ProposedBy = proposedBy;
        ProposedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid RfpId { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid ProposalId { get; private set; }
    public Guid VendorId { get; private set; }
    /// <summary>The vendor's name when the award was proposed (names change; the record does not).</summary>
    public string VendorName { get; private set; } = "";
    public string Reason { get; private set; } = "";
    public Guid ProposedBy { get; private set; }
    public DateTimeOffset ProposedAt { get; private set; }
    public AwardStatus Status { get; private set; } = AwardStatus.Proposed;
    public Guid? DecidedBy { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? DecisionComment { get; private set; }

    public void Approve(Guid approver, string? comment, DateTimeOffset now)
    {
        if (approver == ProposedBy) throw new SelfApprovalException();
        Decide(AwardStatus.Approved, approver, comment, now);
    }

    /// <summary>Sends the award back (the proposer may withdraw their own); the RFP stays in evaluation.</summary>
    public void Reject(Guid approver, string? comment, DateTimeOffset now) => Decide(AwardStatus.Rejected, approver, comment, now);

    private void Decide(AwardStatus status, Guid by, string? comment, DateTimeOffset now)
    {
        if (Status != AwardStatus.Proposed) throw new IllegalAwardTransitionException(Status);
        Status = status;
        DecidedBy = by;
        DecidedAt = now;
        DecisionComment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
    }
}

/// <param name="Target">The RFP's target for the metric.</param>
/// <param name="Committed">What the winning proposal committed to (the target the reviews hold the vendor to).</param>
/// <param name="Direction">higher or lower: which way is better.</param>
public sealed record ContractKpi(string Metric, string Unit, decimal Target, decimal Committed, string Direction)
{
    /// <summary>Whether <paramref name="actual"/> meets the commitment.</summary>
    public bool Met(decimal actual) => Direction == "lower" ? actual <= Committed : actual >= Committed;

    /// <summary>Whether values in <paramref name="unit"/> are shares (0 to 100): "%", "％", "パーセント".</summary>
    public static bool IsPercentage(string? unit) => unit?.Trim() is "%" or "％" or "パーセント" or "percent";
}

/// <summary>
/// The contract an approved award creates: the winning proposal's fees and KPI commitments as they were submitted,
/// the term and the total cost. The client writes it and its reviews; the vendor reads both.
/// </summary>
public sealed class Contract
{
    private Contract() { }

    public Contract(RfpAward award, RfpContent rfp, ProposalVersion version, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        RfpId = award.RfpId;
        ClientOrganisationId = award.OrganisationId;
        VendorId = award.VendorId;
        VendorName = award.VendorName;
        AwardId = award.Id;
        ProposalId = award.ProposalId;
        ProposalVersion = version.Number;
        Title = rfp.Title;
        Fees = version.Content.Fees;
        Kpis = rfp.FilledKpis().Select(t => new ContractKpi(t.Metric, t.Unit, t.Target,
            version.Content.Kpis.FirstOrDefault(k => k.Metric == t.Metric)?.Committed ?? t.Target, t.Direction)).ToArray();
        StartsOn = rfp.ContractStart() ?? DateOnly.FromDateTime(now.UtcDateTime);
        TermMonths = rfp.ContractTermMonths ?? 0;
        TotalYen = TotalCostOfOwnership.Of(version.Content.Fees, rfp).TotalYen;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid RfpId { get; private set; }
    public Guid ClientOrganisationId { get; private set; }
    public Guid VendorId { get; private set; }
    public string VendorName { get; private set; } = "";
    public Guid AwardId { get; private set; }
    public Guid ProposalId { get; private set; }
    public int ProposalVersion { get; private set; }
    public string Title { get; private set; } = "";
    public ProposalFees Fees { get; private set; } = new();
    public ContractKpi[] Kpis { get; private set; } = [];
    public DateOnly StartsOn { get; private set; }
    public int TermMonths { get; private set; }
    /// <summary>The total cost of ownership over the term at the RFP's expected volumes, as awarded.</summary>
    public long TotalYen { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
}

/// <param name="Actual">The month's actual value; null when it was not measured.</param>
public sealed record KpiActual(string Metric, decimal? Actual);

/// <summary>
/// A monthly KPI review of a contract (Steps 5-6 of the seed): the actual value per KPI against the commitment, a
/// comment, the issues and the improvement actions. One per contract and month, written by the client, read by both.
/// </summary>
public sealed class KpiReview
{
    public const int TextMaxLength = 4000;

    private KpiReview() { }

    public KpiReview(Contract contract, DateOnly month, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        ContractId = contract.Id;
        ClientOrganisationId = contract.ClientOrganisationId;
        VendorId = contract.VendorId;
        Month = new DateOnly(month.Year, month.Month, 1);
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid ContractId { get; private set; }
    public Guid ClientOrganisationId { get; private set; }
    public Guid VendorId { get; private set; }
    /// <summary>The first day of the month reviewed.</summary>
    public DateOnly Month { get; private set; }
    public KpiActual[] Actuals { get; private set; } = [];
    public string? Comment { get; private set; }
    public string? Issues { get; private set; }
    public string? ImprovementActions { get; private set; }
    public Guid RecordedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public void Record(KpiActual[] actuals, string? comment, string? issues, string? improvementActions, Guid by, DateTimeOffset now)
    {
        Actuals = actuals;
        Comment = Clean(comment);
        Issues = Clean(issues);
        ImprovementActions = Clean(improvementActions);
        RecordedBy = by;
        UpdatedAt = now;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
