using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Core.Notifications;
using Marketplace.Core.Vendors;
using Marketplace.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Workers.Tests;

[Collection(BrokerCollection.Name)]
public sealed class CertificationExpiryNotices
{
    private static async Task<(Guid Organisation, Guid Certification, string ContactEmail)> VendorWithCertificationAsync(ApiFactory api, DateOnly validTo)
    {
        var owner = await People.SignedInAsync(api);
        var organisationId = await owner.CreateOrganisationAsync("vendor");
        var response = await owner.Client(organisationId).PostAsJsonAsync("/api/v1/vendor-profile/certifications",
            new { type = "isms", registrationNumber = "IS 424242", validFrom = validTo.AddYears(-3).ToString("yyyy-MM-dd"), validTo = validTo.ToString("yyyy-MM-dd") });
        response.EnsureSuccessStatusCode();
        return (organisationId, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(), owner.Email);
    }

    private static async Task<List<int>> NoticesAsync(Guid organisationId, Guid certificationId)
    {
        await using var db = Database.Open(organisationId);
        return await db.Set<CertificationExpiryNotice>().Where(n => n.CertificationId == certificationId).OrderByDescending(n => n.DaysBefore)
            .Select(n => n.DaysBefore).ToListAsync();
    }

    [Fact]
    public async Task A_vendor_hears_60_30_and_7_days_before_expiry_once_each_in_app_and_by_mail()
    {
        await using var workers = await WorkersHostFixture.StartAsync();
        await using var api = new ApiFactory();
        var validTo = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(200);
        var (organisationId, certificationId, email) = await VendorWithCertificationAsync(api, validTo);
        var scopes = workers.Services.GetRequiredService<IServiceScopeFactory>();
        async Task Scan(int daysLeft) => await CertificationExpiry.ScanAsync(scopes, validTo.AddDays(-daysLeft), TimeProvider.System, CancellationToken.None);

        await Scan(61);
        Assert.Empty(await NoticesAsync(organisationId, certificationId));
        await Scan(59);
        await Scan(45); // a second scan within the same band sends nothing more
        Assert.Equal([60], await NoticesAsync(organisationId, certificationId));
        await Scan(30);
        await Scan(7);
        await Scan(3);
        Assert.Equal([60, 30, 7], await NoticesAsync(organisationId, certificationId));

        await using (var db = Database.Open(organisationId))
            Assert.Equal(3, await db.Notifications.CountAsync(n => n.OrganisationId == organisationId && n.Type == NotificationTypes.CertificationExpiring));
        // The e-mails go out through the outbox and the Workers.
        await Eventually.True(async () => (await MailCatcher.ForAsync(email)).Count(m => m.Subject.Contains("有効期限が近づいています")) == 3, "three expiry mails");
        var first = (await MailCatcher.ForAsync(email)).First(m => m.Subject.Contains("有効期限"));
        Assert.Contains("IS 424242", first.Text);
    }

    [Fact]
    public async Task A_scan_that_missed_days_sends_only_the_nearest_notice()
    {
        await using var workers = await WorkersHostFixture.StartAsync();
        await using var api = new ApiFactory();
        var validTo = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(300);
        var (organisationId, certificationId, _) = await VendorWithCertificationAsync(api, validTo);

        await CertificationExpiry.ScanAsync(workers.Services.GetRequiredService<IServiceScopeFactory>(), validTo.AddDays(-5), TimeProvider.System, CancellationToken.None);

        Assert.Equal([7], await NoticesAsync(organisationId, certificationId));
    }
}
