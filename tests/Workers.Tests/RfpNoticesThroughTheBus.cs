using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Core.Catalogue;
using Marketplace.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Workers.Tests;

/// <summary>Notices to vendors: from the Api or a consumer, through the outbox and RabbitMQ, stored once and e-mailed once.</summary>
[Collection(BrokerCollection.Name)]
public sealed class RfpNoticesThroughTheBus
{
    private static readonly string[] RareLanguages = ["pt", "vi", "ko"];

    private static async Task<(Guid Id, Person Owner, HttpClient Client)> VendorAsync(ApiFactory api, string? name = null)
    {
        var owner = await People.SignedInAsync(api);
        var organisation = await owner.CreateOrganisationAsync("vendor", name);
        var client = owner.Client(organisation);
        (await client.PutAsJsonAsync("/api/v1/vendor-profile", new
        {
            slug = $"notice-{Guid.NewGuid():N}"[..18], summary = "請求書処理の BPO です。", monthlyBaseYen = 150_000, languages = RareLanguages,
            serviceIds = new[] { CatalogueSeed.Services.Single(s => s.Code == "invoice-processing").Id },
        })).EnsureSuccessStatusCode();
        return (organisation, owner, client);
    }

    private static async Task<List<(string Type, string Data)>> NoticesAsync(Guid organisation, Guid rfpId)
    {
        await using var db = Database.Open(organisation);
        return (await db.Notifications.AsNoTracking().Select(n => new { n.Type, n.Data }).ToListAsync())
            .Where(n => n.Data.Contains(rfpId.ToString())).Select(n => (n.Type, n.Data)).ToList();
    }

    [Fact]
    public async Task A_matched_vendor_hears_of_the_rfp_its_answers_addendum_and_cancellation_once_each_in_the_app_and_by_email()
    {
        // Every match told (the shared test database holds many vendors); matching stays the real consumer.
        await using var workers = await WorkersHostFixture.StartAsync(new Dictionary<string, string?> { ["RfpMatching:NotifyTop"] = "100000" });
        await using var api = new ApiFactory();
        var vendor = await VendorAsync(api);
        var clientOwner = await People.SignedInAsync(api);
        var (clientOrganisation, rfpId) = await TestRfps.PublishAsync(api, owner: clientOwner, languages: RareLanguages);
        var client = clientOwner.Client(clientOrganisation);

        await Eventually.True(async () => (await NoticesAsync(vendor.Id, rfpId)).Any(n => n.Type == "rfp.matched"), "the match notice");
        await MailCatcher.WaitForAsync(vendor.Owner.Email, "貴社に合う RFP が公開されました");
        var feed = await vendor.Client.GetFromJsonAsync<JsonElement>("/api/v1/vendor/rfps");
        var item = Assert.Single(feed.EnumerateArray(), i => i.GetProperty("rfpId").GetGuid() == rfpId);
        Assert.Contains(item.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("text").GetString() == "依頼サービス 1 件のうち 1 件を提供しています。");

        var question = await vendor.Client.PostAsJsonAsync($"/api/v1/vendor/rfps/{rfpId}/questions", new { question = "請求書の形式は紙と電子のどちらですか。" });
        var questionId = (await question.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await client.PostAsJsonAsync($"/api/v1/rfps/{rfpId}/questions/{questionId}/answer", new { answer = "8 割が電子です。" })).EnsureSuccessStatusCode();
        await Eventually.True(async () => (await NoticesAsync(vendor.Id, rfpId)).Any(n => n.Type == "rfp.answered"), "the answer notice");
        await MailCatcher.WaitForAsync(vendor.Owner.Email, "質問への回答が公開されました");

        // An addendum: the participant is told, the RFP is matched again, and the match notice is not repeated.
        var content = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/rfps/{rfpId}")).GetProperty("content");
        var changed = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(content.GetRawText())!;
        changed["purpose"] = JsonSerializer.SerializeToElement("請求書処理の締めを 2 営業日早める。");
        (await client.PostAsJsonAsync($"/api/v1/rfps/{rfpId}/addenda", new { content = changed, changeSummary = "目的を具体的にしました。" })).EnsureSuccessStatusCode();
        await Eventually.True(async () => (await NoticesAsync(vendor.Id, rfpId)).Any(n => n.Type == "rfp.addendum"), "the addendum notice");
        await Eventually.True(async () =>
        {
            await using var db = Database.Open(clientOrganisation);
            return await db.RfpMatches.AnyAsync(m => m.RfpId == rfpId && m.VendorId == vendor.Id && m.Version == 2);
        }, "the re-match of version 2");

        (await client.PostAsJsonAsync($"/api/v1/rfps/{rfpId}/cancel", new { reason = "予算の見直しのため" })).EnsureSuccessStatusCode();
        await Eventually.True(async () => (await NoticesAsync(vendor.Id, rfpId)).Any(n => n.Type == "rfp.cancelled"), "the cancellation notice");
        var cancelled = await MailCatcher.WaitForAsync(vendor.Owner.Email, "RFP 中止のお知らせ");
        Assert.Contains("予算の見直しのため", cancelled.Text);

        // Once nothing is on its way (a second match notice would come from the re-match), count.
        await Settled.QuietAsync();
        var notices = await NoticesAsync(vendor.Id, rfpId);
        Assert.Equal(["rfp.addendum", "rfp.answered", "rfp.cancelled", "rfp.matched"], notices.Select(n => n.Type).Order());
        Assert.Single(await MailCatcher.ForAsync(vendor.Owner.Email), m => m.Subject.Contains("貴社に合う RFP"));
    }

    [Fact]
    public async Task No_notice_tells_a_vendor_who_asked_or_who_else_takes_part_nor_tells_the_client_who_is_bidding()
    {
        await using var workers = await WorkersHostFixture.StartAsync();
        await using var api = new ApiFactory();
        var askerName = Database.UniqueName("質問した側のベンダー株式会社");
        var asker = await VendorAsync(api, askerName);
        var rival = await VendorAsync(api);
        var clientOwner = await People.SignedInAsync(api);
        var (clientOrganisation, rfpId) = await TestRfps.PublishAsync(api, owner: clientOwner, languages: RareLanguages);
        var client = clientOwner.Client(clientOrganisation);
        (await rival.Client.PostAsync($"/api/v1/vendor/rfps/{rfpId}/participation", null)).EnsureSuccessStatusCode();
        var question = await asker.Client.PostAsJsonAsync($"/api/v1/vendor/rfps/{rfpId}/questions", new { question = "請求書の発行元は何社ありますか。" });
        var questionId = (await question.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await client.PostAsJsonAsync($"/api/v1/rfps/{rfpId}/questions/{questionId}/answer", new { answer = "グループ 3 社です。" })).EnsureSuccessStatusCode();

        // The rival is told of the answer, in the app and by e-mail, without a word of who asked.
        await Eventually.True(async () => (await NoticesAsync(rival.Id, rfpId)).Any(n => n.Type == "rfp.answered"), "the rival's answer notice");
        var mail = await MailCatcher.WaitForAsync(rival.Owner.Email, "質問への回答が公開されました");
        string[] askerSecrets = [askerName, asker.Id.ToString(), asker.Owner.Email];
        foreach (var text in (await NoticesAsync(rival.Id, rfpId)).Select(n => n.Data).Append(mail.Text).Append(mail.Subject))
            foreach (var secret in askerSecrets) Assert.DoesNotContain(secret, text);

        // Nothing the client was told before the deadline names or identifies either vendor.
        await Settled.QuietAsync(); // everything the client could be told has been told
        await using var db = Database.Open(clientOrganisation);
        var toClient = await db.Notifications.AsNoTracking().Select(n => n.Data).ToListAsync();
        foreach (var secret in askerSecrets.Append(rival.Id.ToString()).Append(rival.Owner.Email))
            Assert.DoesNotContain(toClient, data => data.Contains(secret, StringComparison.Ordinal));
        Assert.DoesNotContain(await MailCatcher.ForAsync(clientOwner.Email), m => m.Text.Contains(askerName, StringComparison.Ordinal));
    }
}
