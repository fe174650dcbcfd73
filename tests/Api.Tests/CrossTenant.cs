using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Marketplace.TestSupport;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Api.Tests;

/// <summary>
/// Every API endpoint that takes an id, called by another organisation, answers 404 (403 for platform objects that only
/// operators change, 200 for public data such as a vendor's page) and changes nothing. The list of
/// endpoints comes from the running Api, so a new endpoint is covered the moment it is mapped; an endpoint whose id
/// parameter this suite does not know makes it fail until an object of that kind is added to <see cref="Arrange"/>.
/// </summary>
public sealed class CrossTenant(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private ApiFactory Api => fixture.Api;

    /// <summary>Organisation A's objects, by the route parameter name that takes them.</summary>
    private async Task<(Person OwnerA, Guid OrganisationA, Dictionary<string, string> Objects)> Arrange()
    {
        var ownerA = await People.SignedInAsync(Api);
        var organisationA = await ownerA.CreateOrganisationAsync("client");
        var colleague = await People.SignedInAsync(Api);
        var a = ownerA.Client(organisationA);

        await ownerA.AddMemberAsync(organisationA, colleague, "viewer");
        var pending = await (await a.PostAsJsonAsync("/api/v1/invitations", new { email = $"pending-{Guid.NewGuid():N}@example.jp", role = "viewer" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var apiClient = await (await a.PostAsJsonAsync("/api/v1/api-clients", new { name = "A の連携", scopes = new[] { "organisation.read" } }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var members = await a.GetFromJsonAsync<List<JsonElement>>("/api/v1/members");
        // A vendor of the same owner for vendor objects (A's certification).
        var vendorA = await ownerA.CreateOrganisationAsync("vendor");
        var certification = await (await ownerA.Client(vendorA).PostAsJsonAsync("/api/v1/vendor-profile/certifications",
            new { type = "pmark", registrationNumber = "10800000", validFrom = "2025-01-01", validTo = "2027-12-31" })).Content.ReadFromJsonAsync<JsonElement>();
        var slug = $"cross-{Guid.NewGuid():N}"[..16];
        await ownerA.Client(vendorA).PutAsJsonAsync("/api/v1/vendor-profile", new { slug, summary = "公開プロフィール" });
        var task = await (await a.PostAsJsonAsync("/api/v1/work-inventory/tasks", new
        {
            name = "請求書の発行", frequency = "monthly", hoursPerMonth = 40, expertise = "low", substitutability = "easy",
        })).Content.ReadFromJsonAsync<JsonElement>();
        var rfp = await (await a.PostAsJsonAsync("/api/v1/rfps", new { title = "A の RFP" })).Content.ReadFromJsonAsync<JsonElement>();
        var template = await (await a.PostAsJsonAsync($"/api/v1/rfps/{rfp.GetProperty("id").GetGuid()}/template", new { name = "A のテンプレート" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        using var attachmentForm = new MultipartFormDataContent { { new ByteArrayContent("%PDF-1.4 A"u8.ToArray()), "file", "a.pdf" } };
        var attachment = await (await a.PostAsync($"/api/v1/rfps/{rfp.GetProperty("id").GetGuid()}/attachments", attachmentForm)).Content.ReadFromJsonAsync<JsonElement>();
        Guid notification, question;
        await using (var db = Database.Open(organisationA))
        {
            var clarification = Marketplace.Core.Rfps.RfpQuestion.Clarify(rfp.GetProperty("id").GetGuid(), organisationA, "A の補足説明", DateTimeOffset.UtcNow);
            db.RfpQuestions.Add(clarification);
            question = clarification.Id;
            var added = new Marketplace.Core.Notifications.Notification(organisationA, "organisation.welcome", "{}", DateTimeOffset.UtcNow);
            db.Notifications.Add(added);
            await db.SaveChangesAsync();
            notification = added.Id;
        }
        var colleagueMembership = members!.Single(m => m.GetProperty("userId").GetGuid() == colleague.UserId).GetProperty("id").GetGuid();

        return (ownerA, organisationA, new Dictionary<string, string>
        {
            ["organisationId"] = organisationA.ToString(),
            ["memberId"] = colleagueMembership.ToString(),
            ["invitationId"] = pending.GetProperty("id").GetString()!,
            ["apiClientId"] = apiClient.GetProperty("id").GetString()!,
            // Platform objects (not A's): only operators may change them, so other callers get 403.
            ["serviceId"] = Marketplace.Core.Catalogue.CatalogueSeed.Services[0].Id.ToString(),
            ["certificationId"] = certification.GetProperty("id").GetString()!,
            ["taskId"] = task.GetProperty("id").GetString()!,
            ["rfpId"] = rfp.GetProperty("id").GetString()!,
            ["notificationId"] = notification.ToString(),
            ["questionId"] = question.ToString(),
            ["templateId"] = template.GetProperty("id").GetString()!,
            ["attachmentId"] = attachment.GetProperty("id").GetString()!,
            // A's RFP is a draft: no proposal to it exists (nor is one readable before a deadline); any id must answer 404.
            ["proposalId"] = Guid.NewGuid().ToString(),
            // Nor is any contract (an award creates one); a contract is its two parties' only, so any id answers 404.
            ["contractId"] = Guid.NewGuid().ToString(),
            ["month"] = "2026-01",
            // Public data: everyone reads it, so 200.
            ["slug"] = slug,
        });
    }

    /// <summary>Every (method, route template) of the REST API (/api/v1) with at least one route parameter, and whether only platform operators may call it.</summary>
    private List<(string Method, string Template, IReadOnlyList<string> Parameters, HttpStatusCode Expected)> EndpointsWithIds() =>
        Api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1/") == true && e.RoutePattern.Parameters.Count > 0)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(method =>
                (method, e.RoutePattern.RawText!, (IReadOnlyList<string>)e.RoutePattern.Parameters.Select(p => p.Name).ToList(),
                 e.Metadata.GetMetadata<Marketplace.Api.Infrastructure.PlatformOperatorsOnly>() is not null ? HttpStatusCode.Forbidden
                 : e.Metadata.GetMetadata<Marketplace.Api.Infrastructure.PublicData>() is not null ? HttpStatusCode.OK
                 : HttpStatusCode.NotFound)))
            .ToList();

    private static string Fill(string template, Dictionary<string, string> objects) =>
        Regex.Replace(template, @"\{(?<name>[^}:]+)(:[^}]+)?\}", m => objects[m.Groups["name"].Value]);

    [Fact]
    public async Task Every_endpoint_that_takes_an_id_answers_404_to_another_organisation_and_changes_nothing()
    {
        var (ownerA, organisationA, objects) = await Arrange();
        var ownerB = await People.SignedInAsync(Api);
        var organisationB = await ownerB.CreateOrganisationAsync("vendor");
        var endpoints = EndpointsWithIds();
        Assert.NotEmpty(endpoints);

        var unknown = endpoints.SelectMany(e => e.Parameters).Distinct().Where(p => !objects.ContainsKey(p)).ToList();
        Assert.True(unknown.Count == 0, $"Add an object of organisation A for the route parameter(s) {string.Join(", ", unknown)} to the cross-tenant suite.");

        var failures = new List<string>();
        foreach (var (method, template, _, expected) in endpoints)
        {
            var path = Fill(template, objects);
            // As organisation B's owner, with B chosen; and with A named although B's owner is no member of it.
            foreach (var (label, chosen) in new[] { ("B chosen", organisationB), ("A named by a non-member", organisationA) })
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path);
                if (method is "POST" or "PUT" or "PATCH")
                    request.Content = new StringContent("{\"role\":\"viewer\"}", Encoding.UTF8, "application/json");
                var response = await ownerB.Client(chosen).SendAsync(request);
                if (response.StatusCode != expected)
                    failures.Add($"{method} {template} ({label}): {(int)response.StatusCode}, expected {(int)expected}");
            }
        }
        Assert.True(failures.Count == 0, "Answered otherwise to another organisation:\n" + string.Join("\n", failures));
        // The operator-only catalogue service was not retired either.
        var catalogue = await Api.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/catalogue");
        Assert.Contains(catalogue.EnumerateArray().SelectMany(t => t.GetProperty("services").EnumerateArray()), s => s.GetProperty("id").GetString() == objects["serviceId"]);

        // And nothing of A changed: its colleague, pending invitation and API client are all still there.
        var a = ownerA.Client(organisationA);
        Assert.Equal(2, (await a.GetFromJsonAsync<List<JsonElement>>("/api/v1/members"))!.Count);
        var invitations = await a.GetFromJsonAsync<List<JsonElement>>("/api/v1/invitations");
        Assert.Equal("pending", invitations!.Single(i => i.GetProperty("id").GetString() == objects["invitationId"]).GetProperty("status").GetString());
        var clients = await a.GetFromJsonAsync<List<JsonElement>>("/api/v1/api-clients");
        Assert.Equal(JsonValueKind.Null, clients!.Single().GetProperty("revokedAt").ValueKind);
        var inventory = await a.GetFromJsonAsync<JsonElement>("/api/v1/work-inventory");
        var task = inventory.GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("id").GetString() == objects["taskId"]);
        Assert.Equal(("請求書の発行", JsonValueKind.Null), (task.GetProperty("name").GetString(), task.GetProperty("checkedAt").ValueKind));
        var notificationsOfA = await a.GetFromJsonAsync<JsonElement>("/api/v1/notifications");
        Assert.Equal(JsonValueKind.Null, notificationsOfA.GetProperty("items").EnumerateArray()
            .Single(n => n.GetProperty("id").GetString() == objects["notificationId"]).GetProperty("readAt").ValueKind); // still unread
        var rfpOfA = await a.GetFromJsonAsync<JsonElement>($"/api/v1/rfps/{objects["rfpId"]}");
        Assert.Equal(("draft", "A の RFP"), (rfpOfA.GetProperty("status").GetString(), rfpOfA.GetProperty("content").GetProperty("title").GetString()));
    }

    [Fact]
    public async Task Another_organisations_api_client_cannot_reach_these_objects_either()
    {
        var (_, _, objects) = await Arrange();
        var ownerB = await People.SignedInAsync(Api);
        var organisationB = await ownerB.CreateOrganisationAsync("vendor");
        var created = await (await ownerB.Client(organisationB).PostAsJsonAsync("/api/v1/api-clients", new { name = "B の連携", scopes = Marketplace.Core.Integrations.ApiScopes.ForApiClients.Where(s => s.Kind is null or Marketplace.Core.Organisations.OrganisationKind.Vendor).Select(s => s.Name).ToArray() }))
            .Content.ReadFromJsonAsync<JsonElement>();
        using var http = Api.CreateClient();
        var token = await Duende.IdentityModel.Client.HttpClientTokenRequestExtensions.RequestClientCredentialsTokenAsync(http,
            new Duende.IdentityModel.Client.ClientCredentialsTokenRequest
            {
                Address = "/connect/token", ClientId = created.GetProperty("clientId").GetString()!, ClientSecret = created.GetProperty("clientSecret").GetString()!,
            });
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token.AccessToken);

        var failures = new List<string>();
        foreach (var (method, template, _, _) in EndpointsWithIds().Where(e => e.Expected != HttpStatusCode.OK))
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), Fill(template, objects));
            if (method is "POST" or "PUT" or "PATCH")
                request.Content = new StringContent("{\"role\":\"viewer\"}", Encoding.UTF8, "application/json");
            var response = await http.SendAsync(request);
            // 404 where the client's scopes reach, 403 where they do not: never a success.
            if (response.StatusCode is not (HttpStatusCode.NotFound or HttpStatusCode.Forbidden))
                failures.Add($"{method} {template}: {(int)response.StatusCode}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task A_raw_query_through_the_application_role_with_another_organisation_set_sees_none_of_its_people()
    {
        var (_, organisationA, objects) = await Arrange();
        var ownerB = await People.SignedInAsync(Api);
        var organisationB = await ownerB.CreateOrganisationAsync("vendor");

        await using var asB = Database.Open(organisationB);
        var visible = new Dictionary<string, int>
        {
            ["memberships"] = await asB.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM memberships WHERE organisation_id = {organisationA}").SingleAsync(),
            ["invitations"] = await asB.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM invitations WHERE organisation_id = {organisationA}").SingleAsync(),
            ["api_clients"] = await asB.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM api_clients WHERE organisation_id = {organisationA}").SingleAsync(),
            ["audit_entries"] = await asB.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM audit_entries WHERE organisation_id = {organisationA}").SingleAsync(),
            ["membership by id"] = await asB.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM memberships WHERE id = {Guid.Parse(objects["memberId"])}").SingleAsync(),
        };
        Assert.All(visible, table => Assert.True(table.Value == 0, $"{table.Key}: {table.Value} row(s) of organisation A visible with organisation B set"));

        // With A set, the same queries do see them (so the zeros above are the policy at work, not an empty table).
        await using var asA = Database.Open(organisationA);
        Assert.Equal(2, await asA.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM memberships WHERE organisation_id = {organisationA}").SingleAsync());
    }
}
