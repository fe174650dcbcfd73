namespace Marketplace.Contracts;

/// <summary>A vendor's certification ends in <paramref name="DaysBefore"/> days or fewer (60, 30 or 7): tell the vendor.</summary>
public sealed record CertificationExpiring(Guid OrganisationId, Guid CertificationId, int DaysBefore, DateOnly ValidTo);
