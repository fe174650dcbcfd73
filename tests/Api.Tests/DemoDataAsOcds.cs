using System.Net;
using System.Text.Json;
using Marketplace.Demo;
using Marketplace.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using static Marketplace.TestSupport.ProposalScenarios;

namespace Marketplace.Api.Tests;

/// <summary>
/// The demo data as a newcomer's first export: every demo RFP of every demo client, in every state it is seeded in,
/// exported as OCDS through the Api by that client's own person, conforms to the OCDS schemas (with the bid
/// extension). A draft has nothing to release.
/// </summary>
public sealed class DemoDataAsOcds(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private const string DemoPassword = "demo-password-for-tests";

    [Fact]
    public async Task Every_demo_rfp_in_every_state_exports_an_ocds_package_that_conforms_to_the_schemas()
    {
        await DemoSeeder.SeedAsync(Database.OpenAsOwner, DemoPassword, TimeProvider.System);
        await DemoVendors.SeedNamedAsync(Database.OpenAsOwner, null, TimeProvider.System);
        await DemoClients.SeedAsync(Database.OpenAsOwner, TimeProvider.System);
        await DemoEvaluations.SeedAsync(Database.OpenAsOwner, TimeProvider.System);

        var states = new HashSet<string>();
        foreach (var client in DemoSeeder.Organisations.Where(o => o.Kind == Marketplace.Core.Organisations.OrganisationKind.Client))
        {
            Guid organisation;
            await using (var lookup = Database.Open())
                organisation = lookup.Organisations.Single(o => o.Name == client.Name).Id;
            // Each client's own person: the demo person, or the client's owner given a password for the test.
            var email = client.OwnerEmail ?? DemoSeeder.DemoEmail;
            var password = client.OwnerEmail is null ? DemoPassword : await GivePasswordAsync(email);
            var person = new Person(fixture.Api, Guid.Empty, email, password, await People.SignInAsync(fixture.Api, email, password));
            var http = person.Client(organisation);

            foreach (var rfp in (await JsonAsync(await http.GetAsync("/api/v1/rfps"))).EnumerateArray())
            {
                var (id, status, title) = (rfp.GetProperty("id").GetGuid(), rfp.GetProperty("status").GetString()!, rfp.GetProperty("title").GetString());
                var response = await http.GetAsync($"/api/v1/rfps/{id}/ocds");
                if (status == "draft")
                {
                    Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
                    continue;
                }
                var json = await response.Content.ReadAsStringAsync();
                Assert.True(response.IsSuccessStatusCode, $"{client.Name} {title}: {json}");
                var errors = await OcdsSchemas.ErrorsAsync(json);
                Assert.True(errors.Count == 0, $"{client.Name}「{title}」({status}): {string.Join("; ", errors)}");
                states.Add(status);

                // Bids only once the proposals are open (the holding company's published RFP has a sealed one).
                var release = JsonDocument.Parse(json).RootElement.GetProperty("releases")[0];
                var bidCount = release.TryGetProperty("bids", out var bids) ? bids.GetProperty("details").GetArrayLength() : 0;
                if (status == "published") Assert.Equal(0, bidCount);
                if (status is "evaluating" or "awarded") Assert.True(bidCount > 0, $"{title}: no bids");
            }
        }
        Assert.Superset(new HashSet<string> { "published", "closed", "cancelled", "evaluating", "awarded" }, states);
    }

    private async Task<string> GivePasswordAsync(string email)
    {
        using var scope = fixture.Api.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Marketplace.Core.Identity.User>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"no demo person {email}");
        await users.RemovePasswordAsync(user);
        Assert.True((await users.AddPasswordAsync(user, People.Password)).Succeeded);
        return People.Password;
    }
}
