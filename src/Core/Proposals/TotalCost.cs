using Marketplace.Core.Rfps;

namespace Marketplace.Core.Proposals;

/// <param name="PerUnitYen">The per-unit charges over the whole term.</param>
/// <param name="Unpriced">Expected volumes the proposal gives no price for (flagged: the total leaves them out).</param>
public sealed record TotalCost(long InitialYen, long MonthlyFeesYen, long PerUnitYen, long TotalYen, int Months, IReadOnlyList<ExpectedVolume> Unpriced);

/// <summary>The total at the expected volumes less and more 20 % (how much the choice depends on the volumes).</summary>
public sealed record CostSensitivity(long VolumeMinus20Yen, long VolumePlus20Yen);

/// <summary>
/// The total cost of ownership of a proposal over the RFP's contract term at its expected volumes: initial fee +
/// monthly fee × months + the per-unit charges (graduated bands) × months. A low monthly fee with a high per-unit price
/// cannot hide. The sensitivity view scales every volume by ±20 %.
/// </summary>
public static class TotalCostOfOwnership
{
    public static TotalCost Of(ProposalFees fees, RfpContent rfp, decimal volumeFactor = 1m)
    {
        var months = rfp.ContractTermMonths ?? 0;
        var perUnit = VolumeCharges.At(fees.UnitPrices, rfp.ExpectedVolumes, volumeFactor);
        var monthlyFees = fees.MonthlyYen * months;
        var perUnitTotal = perUnit.MonthlyYen * months;
        return new TotalCost(fees.InitialYen, monthlyFees, perUnitTotal, fees.InitialYen + monthlyFees + perUnitTotal, months, perUnit.Unpriced);
    }

    /// <summary>Every expected volume 20 % lower and 20 % higher.</summary>
    public static CostSensitivity Sensitivity(ProposalFees fees, RfpContent rfp) =>
        new(Of(fees, rfp, 0.8m).TotalYen, Of(fees, rfp, 1.2m).TotalYen);
}
