using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Duende.IdentityModel.Client;
using Marketplace.TestSupport;

namespace Marketplace.Api.Tests;

/// <summary>An organisation's integrations: client credentials whose tokens act only inside that organisation.</summary>
public sealed class ApiClients(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private ApiFactory Api => fixture.Api;

    private static async Task<(Guid Id, string ClientId, string Secret)> CreateAsync(Person owner, Guid organisationId, params string[] scopes)
    {
        var response = await owner.Client(organisationId).PostAsJsonAsync("/api/v1/api-clients", new { name = "基幹システム連携", scopes });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("id").GetGuid(), body.GetProperty("clientId").GetString()!, body.GetProperty("clientSecret").GetString()!);
    }

    private async Task<TokenResponse> TokenAsync(string clientId, string secret, string? scope = null)
    {
        using var http = Api.CreateClient();
        return await http.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = "/connect/token", ClientId = clientId, ClientSecret = secret, Scope = scope,
        });
    }

    /// <summary>A refused client authentication: 401 with the OAuth error invalid_client.</summary>
    private static void AssertInvalidClient(TokenResponse response)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.HttpStatusCode);
        Assert.Contains("invalid_client", response.Raw);
    }

    private HttpClient WithToken(string token)
    {
        var http = Api.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    [Fact]
    public async Task A_client_gets_a_token_that_reads_its_own_organisation_within_its_scopes_until_revoked()
    {
        var owner = await People.SignedInAsync(Api);
        var organisationId = await owner.CreateOrganisationAsync("client");
        var (id, clientId, secret) = await CreateAsync(owner, organisationId, "organisation.read");

        // The secret is never shown again and never stored in clear.
        var listed = await owner.Client(organisationId).GetStringAsync("/api/v1/api-clients");
        Assert.DoesNotContain(secret, listed);
        await using (var ownerConnection = await Database.OpenOwnerConnectionAsync())
        {
            await using var stored = new Npgsql.NpgsqlCommand("SELECT client_secret FROM oidc_applications WHERE client_id = @c", ownerConnection);
            stored.Parameters.AddWithValue("c", clientId);
            Assert.NotEqual(secret, (string?)await stored.ExecuteScalarAsync());
        }

        var token = await TokenAsync(clientId, secret, "organisation.read");
        Assert.False(token.IsError, token.Error);
        var http = WithToken(token.AccessToken!);
        var members = await http.GetFromJsonAsync<JsonElement>("/api/v1/members");
        Assert.Equal(owner.UserId, members[0].GetProperty("userId").GetGuid());
        // Its organisation, whatever organisation a header names.
        http.DefaultRequestHeaders.Add("X-Organisation-Id", Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"/api/v1/organisations/{organisationId}")).StatusCode);
        // Outside its scopes, and for what only people do: refused.
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync("/api/v1/audit-log")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.PostAsJsonAsync("/api/v1/invitations", new { email = "z@example.jp", role = "viewer" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync("/api/v1/me")).StatusCode);
        var unlicensed = await TokenAsync(clientId, secret, "audit.read");
        Assert.Equal("invalid_request", unlicensed.Error);
        Assert.Contains("scope", unlicensed.ErrorDescription);
        AssertInvalidClient(await TokenAsync(clientId, secret + "x"));

        Assert.Equal(HttpStatusCode.NoContent, (await owner.Client(organisationId).DeleteAsync($"/api/v1/api-clients/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await WithToken(token.AccessToken!).GetAsync("/api/v1/members")).StatusCode);
        AssertInvalidClient(await TokenAsync(clientId, secret));
    }

    [Fact]
    public async Task With_audit_read_a_client_reads_only_its_organisations_log()
    {
        var owner = await People.SignedInAsync(Api);
        var organisationId = await owner.CreateOrganisationAsync("vendor");
        var other = await People.SignedInAsync(Api);
        var otherOrganisationId = await other.CreateOrganisationAsync("vendor");
        var (_, clientId, secret) = await CreateAsync(owner, organisationId, "audit.read", "organisation.read");

        var token = await TokenAsync(clientId, secret, "audit.read");
        var log = await WithToken(token.AccessToken!).GetFromJsonAsync<JsonElement>("/api/v1/audit-log?limit=200");

        var objects = log.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("objectId").GetString()).ToList();
        Assert.Contains(organisationId.ToString(), objects);
        Assert.DoesNotContain(otherOrganisationId.ToString(), objects);
    }

    [Fact]
    public async Task Only_owners_and_admins_manage_clients_and_scopes_are_checked()
    {
        var owner = await People.SignedInAsync(Api);
        var organisationId = await owner.CreateOrganisationAsync("client");

        var unknownScope = await owner.Client(organisationId).PostAsJsonAsync("/api/v1/api-clients", new { name = "x", scopes = new[] { "marketplace" } });
        Assert.Equal(HttpStatusCode.BadRequest, unknownScope.StatusCode);
        Assert.True((await unknownScope.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("scopes", out _));

        var (_, clientId, secret) = await CreateAsync(owner, organisationId, "organisation.read");
        var token = await TokenAsync(clientId, secret);
        // A client cannot make clients.
        Assert.Equal(HttpStatusCode.Forbidden, (await WithToken(token.AccessToken!).PostAsJsonAsync("/api/v1/api-clients", new { name = "y", scopes = new[] { "audit.read" } })).StatusCode);
    }
}
