using System.Net.Http.Json;
using Marketplace.TestSupport;

namespace Marketplace.Workers.Tests;

[Collection(BrokerCollection.Name)]
public sealed class WelcomeEmail
{
    [Theory]
    [InlineData("ja", "vendor", "【Marketplace】", "ベンダーとしてご登録いただき")]
    [InlineData("en", "client", "Welcome to Marketplace, ", "as a client company")]
    public async Task A_new_organisation_receives_one_welcome_email_in_its_language(string language, string kind, string subjectStart, string bodyPart)
    {
        await using var workers = await WorkersHostFixture.StartAsync();
        await using var api = new ApiFactory();
        var address = $"welcome-{Guid.NewGuid():N}@example.jp";
        var name = Database.UniqueName("株式会社メール配信");

        var person = await People.SignedInAsync(api);
        var response = await person.Client().PostAsJsonAsync("/api/v1/organisations",
            new { name, kind, contactEmail = address, preferredLanguage = language });
        response.EnsureSuccessStatusCode();

        var mail = await MailCatcher.WaitForAsync(address);
        Assert.StartsWith(subjectStart, mail.Subject);
        Assert.Contains(name, mail.Subject);
        Assert.Contains(bodyPart, mail.Text);
        Assert.Equal("no-reply@marketplace.example.jp", mail.From);

        // Delivered once, even though the message also reached the notification consumer.
        await Settled.QuietAsync();
        Assert.Single(await MailCatcher.ForAsync(address));
    }
}
