using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Core.Notifications;
using Marketplace.TestSupport;

namespace Marketplace.Api.Tests;

public sealed class Notifications(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Members_see_the_unread_count_mark_one_read_then_all()
    {
        var owner = await People.SignedInAsync(fixture.Api);
        var organisation = await owner.CreateOrganisationAsync("client");
        await using (var db = Database.Open(organisation))
        {
            foreach (var i in Enumerable.Range(1, 3))
                db.Notifications.Add(new Notification(organisation, NotificationTypes.RfpClosed, $$"""{"title":"RFP {{i}}"}""", DateTimeOffset.UtcNow.AddMinutes(i)));
            await db.SaveChangesAsync();
        }
        var client = owner.Client(organisation);

        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/notifications");
        Assert.Equal(3, list.GetProperty("unread").GetInt32());
        var items = list.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal("RFP 3", items[0].GetProperty("data").GetProperty("title").GetString()); // newest first

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/api/v1/notifications/{items[0].GetProperty("id").GetGuid()}/read", null)).StatusCode);
        Assert.Equal(2, (await client.GetFromJsonAsync<JsonElement>("/api/v1/notifications")).GetProperty("unread").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/api/v1/notifications/{Guid.NewGuid()}/read", null)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/v1/notifications/read-all", null)).StatusCode);
        var after = await client.GetFromJsonAsync<JsonElement>("/api/v1/notifications");
        Assert.Equal(0, after.GetProperty("unread").GetInt32());
        Assert.All(after.GetProperty("items").EnumerateArray(), n => Assert.NotEqual(JsonValueKind.Null, n.GetProperty("readAt").ValueKind));
    }
}
