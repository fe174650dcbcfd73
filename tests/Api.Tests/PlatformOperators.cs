using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.TestSupport;

namespace Marketplace.Api.Tests;

public sealed class PlatformOperatorRole(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task An_operator_is_named_in_the_token_but_belongs_to_no_tenant()
    {
        var owner = await People.SignedInAsync(fixture.Api);
        var organisationId = await owner.CreateOrganisationAsync("vendor");
        var (_, email) = await People.CreateAccountAsync(fixture.Api);
        await using (var db = Database.Open())
            Assert.True(await Marketplace.Core.Identity.PlatformOperators.GrantAsync(db, email));
        var tokens = await People.SignInAsync(fixture.Api, email, People.Password);
        var operatorPerson = new Person(fixture.Api, Guid.Empty, email, People.Password, tokens);

        var me = await operatorPerson.Client().GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.True(me.GetProperty("isPlatformOperator").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, (await operatorPerson.Client(organisationId).GetAsync($"/api/v1/organisations/{organisationId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await operatorPerson.Client(organisationId).GetAsync("/api/v1/members")).StatusCode);
    }
}
