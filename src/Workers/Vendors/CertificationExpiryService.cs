using Marketplace.Contracts;
using Marketplace.Core.Data;
using Marketplace.Core.Hosting;
using Marketplace.Core.Mail;
using Marketplace.Core.Messaging;
using Marketplace.Core.Vendors;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Marketplace.Workers.Vendors;

/// <summary>Section "CertificationExpiry".</summary>
public sealed class CertificationExpiryOptions
{
    public bool Enabled { get; set; } = true;
    /// <summary>How often to scan; daily by default (each notice goes out once, whatever the interval).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromDays(1);
}

/// <summary>
/// Runs <see cref="CertificationExpiry.ScanAsync"/> at start and then every interval, and rewrites the search entries
/// of vendors whose certification began (<see cref="VendorSearchIndex.VendorsToRefreshAsync"/>).
/// </summary>
public sealed class CertificationExpiryService(IServiceScopeFactory scopes, IOptions<CertificationExpiryOptions> options, TimeProvider clock,
    ILogger<CertificationExpiryService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var today = clock.Today();
                var sent = await CertificationExpiry.ScanAsync(scopes, today, clock, stoppingToken);
                if (sent > 0) logger.LogInformation("Sent {Count} certification expiry notice(s)", sent);
                var refreshed = await RefreshSearchEntriesAsync(today, stoppingToken);
                if (refreshed > 0) logger.LogInformation("Rewrote {Count} vendor search entries", refreshed);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "The certification expiry scan failed; it runs again at the next interval");
            }
            await Task.Delay(options.Value.Interval, clock, stoppingToken);
        }
    }

    private async Task<int> RefreshSearchEntriesAsync(DateOnly today, CancellationToken cancellationToken)
    {
        List<Guid> vendors;
        await using (var readScope = scopes.CreateAsyncScope())
            vendors = await VendorSearchIndex.VendorsToRefreshAsync(readScope.ServiceProvider.GetRequiredService<MarketplaceDbContext>(), today, cancellationToken);
        foreach (var vendor in vendors)
        {
            await using var scope = scopes.CreateAsyncScope(); // a scope per vendor: each acts for one organisation
            await VendorSearchIndex.RefreshAsync(scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>(), vendor, today, cancellationToken);
        }
        return vendors.Count;
    }
}

/// <summary>Tells the vendor by e-mail, in its language, that a certification is about to end.</summary>
public sealed class SendCertificationExpiryEmailConsumer(MarketplaceDbContext db, IEmailSender mail, IOptions<SiteOptions> site)
    : InboxConsumer<CertificationExpiring>(db)
{
    protected override async Task HandleAsync(ConsumeContext<CertificationExpiring> context, CancellationToken cancellationToken)
    {
        var organisation = await Db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == context.Message.OrganisationId, cancellationToken);
        var certification = await Db.Certifications.AsNoTracking().SingleOrDefaultAsync(c => c.Id == context.Message.CertificationId, cancellationToken);
        if (organisation is null || certification is null) return; // removed since
        var name = certification.Type == "other"
            ? certification.OtherName ?? ""
            : organisation.PreferredLanguage == "en" ? CertificationTypes.All[certification.Type].En : CertificationTypes.All[certification.Type].Ja;
        var (subject, body) = EmailTemplates.CertificationExpiring(organisation.PreferredLanguage, organisation.Name, name, certification.RegistrationNumber,
            certification.ValidTo, context.Message.DaysBefore, site.Value.PublicUrl.TrimEnd('/') + "/vendor/profile");
        await mail.SendAsync(new EmailMessage(organisation.ContactEmail, organisation.Name, subject, body), cancellationToken);
    }
}
