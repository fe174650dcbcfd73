namespace Marketplace.Core.Vendors;

/// <summary>
/// The eight sections a complete profile has. The vendor sees which are missing; search ranks fuller profiles first
/// when there is no text to rank by.
/// </summary>
public static class ProfileCompleteness
{
    public static IReadOnlyList<(string Key, bool Done)> Sections(VendorProfile? p) =>
    [
        ("services", p is { ServiceIds.Length: > 0 }),
        ("summary", !string.IsNullOrWhiteSpace(p?.Summary)),
        ("trackRecord", p is { CaseStudies.Count: > 0 } && p.Industries.Length > 0),
        ("organisation", p?.StaffCount is not null && !string.IsNullOrWhiteSpace(p.ContactEmail)),
        ("bcp", p?.HasBcp is not null),
        ("security", !string.IsNullOrWhiteSpace(p?.AccessControl) && !string.IsNullOrWhiteSpace(p.IncidentResponse)),
        ("fees", p?.MonthlyBaseYen is not null || p is { UnitPrices.Count: > 0 }),
        ("coverage", p is { Regions.Length: > 0, Languages.Length: > 0 } && p.CapacityFte is not null),
    ];

    public static int SectionsDone(VendorProfile? p) => Sections(p).Count(s => s.Done);
}
