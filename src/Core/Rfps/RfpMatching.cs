using Marketplace.Core.Vendors;

namespace Marketplace.Core.Rfps;

/// <summary>What matching knows of a vendor: its search entry's facts and its track record's industries and client sizes.</summary>
/// <param name="CertificationValidTo">Per certification type, the latest end of one that has begun (<see cref="VendorSearchEntry"/>).</param>
public sealed record VendorFacts(Guid OrganisationId, IReadOnlyCollection<Guid> ServiceIds, IReadOnlyCollection<string> Regions, IReadOnlyCollection<string> Languages,
    bool HasBcp, int? CapacityFte, long? MonthlyBaseYen, IReadOnlyDictionary<string, DateOnly> CertificationValidTo,
    IReadOnlyDictionary<string, DateOnly> VerifiedCertificationValidTo, IReadOnlyCollection<string> Industries, IReadOnlyCollection<string> ClientSizes,
    IReadOnlyList<UnitPrice>? UnitPrices = null);

/// <param name="Points">What this reason adds to the fit score (0 for an exclusion).</param>
public sealed record MatchReason(string Code, int Points, string Ja, string En);

/// <param name="Eligible">Passes every hard filter.</param>
/// <param name="Score">0-100, the sum of the reasons' points (0 when not eligible).</param>
/// <param name="Reasons">Why the vendor fits, part by part; or, when not eligible, every hard filter it fails.</param>
public sealed record MatchResult(bool Eligible, int Score, IReadOnlyList<MatchReason> Reasons);

/// <summary>
/// Matches an RFP against a vendor, explainably. Hard filters first: offers a requested service; holds every required
/// certification, valid through the contract end when the RFP asks for that (else valid when proposals close); a BCP
/// when required; serves a requested region (nationwide serves all); speaks every requested language. Then a fit score
/// out of 100 whose every point has a reason: service coverage 40, track record in the client's industry and size 20,
/// fee against the budget at the expected volumes 20, capacity 10, verified certifications 10. A plan never changes any of this (issue 7).
/// </summary>
public static class RfpMatching
{
    public static MatchResult Evaluate(RfpContent rfp, VendorFacts vendor, DateOnly today)
    {
        var exclusions = new List<MatchReason>();
        void Exclude(string code, string ja, string en) => exclusions.Add(new(code, 0, ja, en));

        var requested = rfp.ServiceIds.Distinct().ToList();
        var offered = requested.Count(vendor.ServiceIds.Contains);
        if (offered == 0) Exclude("services", "依頼されたサービスを提供していません。", "Offers none of the requested services.");

        var proposalsClose = rfp.ProposalDeadline is { } deadline ? DateOnly.FromDateTime(deadline.UtcDateTime) : today;
        var validThrough = rfp.CertificationsValidThroughContractEnd && rfp.ContractEnd() is { } end ? end : proposalsClose;
        foreach (var certification in rfp.RequiredCertifications)
            if (!vendor.CertificationValidTo.TryGetValue(certification, out var validTo) || validTo < validThrough)
                Exclude($"certification:{certification}",
                    $"必須の認証（{CertificationTypes.All[certification].Ja}）が {validThrough:yyyy-MM-dd} まで有効ではありません。",
                    $"The required certification ({CertificationTypes.All[certification].En}) is not valid through {validThrough:yyyy-MM-dd}.");
        if (rfp.BcpRequired && !vendor.HasBcp) Exclude("bcp", "BCP（事業継続計画）がありません。", "Has no BCP.");
        if (rfp.Regions.Length > 0 && !vendor.Regions.Contains("nationwide") && !rfp.Regions.Any(vendor.Regions.Contains))
            Exclude("regions", "依頼された地域に対応していません。", "Serves none of the requested regions.");
        var missingLanguages = rfp.Languages.Where(l => !vendor.Languages.Contains(l)).ToList();
        if (missingLanguages.Count > 0)
            Exclude("languages", $"対応していない言語があります（{string.Join("、", missingLanguages)}）。", $"Does not work in {string.Join(", ", missingLanguages)}.");
        if (exclusions.Count > 0) return new MatchResult(false, 0, exclusions);

        var reasons = new List<MatchReason>
        {
            new("services", 40 * offered / requested.Count,
                $"依頼サービス {requested.Count} 件のうち {offered} 件を提供しています。", $"Offers {offered} of the {requested.Count} requested services."),
        };
        if (rfp.ClientIndustry is { Length: > 0 } industry && vendor.Industries.Any(i => i.Contains(industry, StringComparison.OrdinalIgnoreCase) || industry.Contains(i, StringComparison.OrdinalIgnoreCase)))
            reasons.Add(new("industry", 10, $"同業種（{industry}）の実績があります。", $"Has a track record in the same industry ({industry})."));
        if (rfp.ClientSize is { } size && vendor.ClientSizes.Contains(size))
            reasons.Add(new("clientSize", 10, $"同規模（{VendorVocabulary.ClientSizes[size].Ja}）の企業との実績があります。",
                $"Has worked for clients of the same size ({VendorVocabulary.ClientSizes[size].En})."));

        reasons.Add(FeeFit(rfp, vendor));

        if (vendor.CapacityFte is { } capacity and > 0)
            reasons.Add(new("capacity", capacity >= 10 ? 10 : 5, $"受け入れ可能な体制は {capacity} 名です。", $"Can staff {capacity} FTE."));

        var verifiedRequired = rfp.RequiredCertifications.Count(c => vendor.VerifiedCertificationValidTo.TryGetValue(c, out var to) && to >= validThrough);
        if (rfp.RequiredCertifications.Length > 0)
        {
            if (verifiedRequired > 0)
                reasons.Add(new("verified", 10 * verifiedRequired / rfp.RequiredCertifications.Length,
                    $"必須の認証 {rfp.RequiredCertifications.Length} 件のうち {verifiedRequired} 件は運営が確認済みです。",
                    $"{verifiedRequired} of the {rfp.RequiredCertifications.Length} required certifications are verified by the platform."));
        }
        else if (vendor.VerifiedCertificationValidTo.Values.Any(to => to >= today))
            reasons.Add(new("verified", 10, "運営が確認した有効な認証があります。", "Holds a valid certification verified by the platform."));

        return new MatchResult(true, Math.Min(100, reasons.Sum(r => r.Points)), reasons);
    }

    /// <summary>
    /// The fee against the monthly budget: the monthly base plus, for each expected volume the vendor prices in the
    /// same unit, its per-unit charge at that volume. Volumes it does not price are named, not guessed.
    /// </summary>
    private static MatchReason FeeFit(RfpContent rfp, VendorFacts vendor)
    {
        var charges = VolumeCharges.At(vendor.UnitPrices ?? [], rfp.ExpectedVolumes);
        var (priced, unpriced) = (charges.Priced, charges.Unpriced.Count);
        if (vendor.MonthlyBaseYen is null && priced == 0) return new("fee", 5, "月額基本料金の記載がありません。", "States no monthly base fee.");

        var fee = (vendor.MonthlyBaseYen ?? 0) + charges.MonthlyYen;
        var (ja, en) = priced == 0
            ? ($"月額基本料金 {fee:N0} 円", $"The monthly base fee (¥{fee:N0})")
            : ($"想定ボリュームでの月額見込み {fee:N0} 円（基本料金と従量 {priced} 項目）", $"The expected monthly charge at the RFP's volumes (¥{fee:N0}: base and {priced} per-unit item(s))");
        var (noteJa, noteEn) = priced > 0 && unpriced > 0
            ? ($"従量単価の記載がない {unpriced} 項目は含めていません。", $" {unpriced} volume(s) without a stated unit price are not included.")
            : ("", "");
        if (rfp.BudgetMaxYen is { } max && fee > max)
            return new("fee", 0, $"{ja}は予算の上限を超えます。{noteJa}", $"{en} is above the budget.{noteEn}");
        if (rfp.BudgetMinYen is { } min && fee < min)
            return new("fee", 15, priced == 0 ? $"{ja}は予算の下限を下回ります（従量分を含めて確認してください）。" : $"{ja}は予算の下限を下回ります。{noteJa}",
                priced == 0 ? $"{en} is below the budget (check the per-unit charges)." : $"{en} is below the budget.{noteEn}");
        return new("fee", 20, $"{ja}は予算の範囲内です。{noteJa}", $"{en} is within the budget.{noteEn}");
    }
}
