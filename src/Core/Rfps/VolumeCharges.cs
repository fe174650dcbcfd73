using Marketplace.Core.Vendors;

namespace Marketplace.Core.Rfps;

/// <summary>A month's per-unit charges at the RFP's expected volumes, and the volumes the prices do not cover.</summary>
public sealed record VolumeCharges(long MonthlyYen, int Priced, IReadOnlyList<ExpectedVolume> Unpriced)
{
    /// <summary>
    /// Each expected volume charged by the price list in the same unit (graduated bands), the volume scaled by
    /// <paramref name="volumeFactor"/> and rounded to whole units. Volumes no price counts are listed, not guessed.
    /// Matching (the fee fit of a vendor profile) and the total cost of a proposal both count this way.
    /// </summary>
    public static VolumeCharges At(IReadOnlyList<UnitPrice> prices, IReadOnlyList<ExpectedVolume> volumes, decimal volumeFactor = 1m)
    {
        long charge = 0;
        var priced = 0;
        var unpriced = new List<ExpectedVolume>();
        foreach (var volume in volumes)
        {
            // A half-filled row of a draft counts nothing (a published RFP has none).
            if (volume is not { Unit: { } unit, MonthlyQuantity: { } quantity }) continue;
            var price = prices.FirstOrDefault(p => p.Counts(unit));
            if (price is null) { unpriced.Add(volume); continue; }
            charge += price.MonthlyCharge((long)Math.Round(quantity * volumeFactor, MidpointRounding.AwayFromZero));
            priced++;
        }
        return new VolumeCharges(charge, priced, unpriced);
    }
}
