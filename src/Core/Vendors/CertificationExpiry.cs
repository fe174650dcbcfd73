using System.Text.Json;
using Marketplace.Contracts;
using Marketplace.Core.Data;
using Marketplace.Core.Hosting;
using Marketplace.Core.Messaging;
using Marketplace.Core.Notifications;
using Marketplace.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Core.Vendors;

/// <summary>That the vendor was told a certification ends within <see cref="DaysBefore"/> days: once per threshold.</summary>
public sealed class CertificationExpiryNotice : ITenantOwned
{
    private CertificationExpiryNotice() { }

    public CertificationExpiryNotice(Guid certificationId, Guid organisationId, int daysBefore, DateTimeOffset notifiedAt)
    {
        CertificationId = certificationId;
        OrganisationId = organisationId;
        DaysBefore = daysBefore;
        NotifiedAt = notifiedAt;
    }

    public Guid CertificationId { get; private set; }
    public Guid OrganisationId { get; private set; }
    public int DaysBefore { get; private set; }
    public DateTimeOffset NotifiedAt { get; private set; }
}

/// <summary>
/// The daily scan: vendors hear 60, 30 and 7 days before a certification ends, once each, in-app and by e-mail
/// (through the outbox). A scan that missed days sends only the nearest notice (5 days left: the 7-day one, not
/// also the 60- and 30-day ones). Several Workers may scan at once: the notice's key admits one.
/// </summary>
public static class CertificationExpiry
{
    public static readonly int[] Thresholds = [60, 30, 7];

    /// <returns>How many notices were sent.</returns>
    /// <param name="scopes">A scope per organisation: each scope's context acts for one organisation.</param>
    public static async Task<int> ScanAsync(IServiceScopeFactory scopes, DateOnly today, TimeProvider clock, CancellationToken cancellationToken)
    {
        List<(Guid Id, Guid OrganisationId, string Type, DateOnly ValidTo)> due;
        await using (var readScope = scopes.CreateAsyncScope()) // certifications are public: no organisation needed to find them
        {
            var read = readScope.ServiceProvider.GetRequiredService<MarketplaceDbContext>();
            var horizon = today.AddDays(Thresholds.Max());
            due = (await read.Certifications.AsNoTracking()
                    .Where(c => c.ValidTo >= today && c.ValidTo <= horizon)
                    .Select(c => new { c.Id, c.OrganisationId, c.Type, c.ValidTo })
                    .ToListAsync(cancellationToken))
                .Select(c => (c.Id, c.OrganisationId, c.Type, c.ValidTo)).ToList();
        }

        var sent = 0;
        foreach (var (id, organisationId, type, validTo) in due)
        {
            var daysLeft = validTo.DayNumber - today.DayNumber;
            var threshold = Thresholds.Where(t => daysLeft <= t).Min();
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>();
            db.Tenant.Set(organisationId);
            // Already told at this threshold or a nearer one: nothing to do.
            if (await db.Set<CertificationExpiryNotice>().AnyAsync(n => n.CertificationId == id && n.DaysBefore <= threshold, cancellationToken))
                continue;
            var now = clock.GetDatabaseNow();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.Add(new CertificationExpiryNotice(id, organisationId, threshold, now));
            db.Notifications.Add(new Notification(organisationId, NotificationTypes.CertificationExpiring,
                JsonSerializer.Serialize(new { certificationType = type, validTo = validTo.ToString("yyyy-MM-dd"), daysLeft }, MessageTypes.Json), now));
            db.EnqueueMessage(new CertificationExpiring(organisationId, id, threshold, validTo), organisationId, clock);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                sent++;
            }
            catch (DbUpdateException e) when (e.IsUniqueViolation())
            {
                // Another Workers instance sent this notice a moment ago.
            }
        }
        return sent;
    }
}
