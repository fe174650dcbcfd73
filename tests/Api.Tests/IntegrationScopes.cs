using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Duende.IdentityModel.Client;
using Marketplace.Api.Infrastructure;
using Marketplace.Core.Integrations;
using Marketplace.Core.Organisations;
using Marketplace.TestSupport;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Api.Tests;

/// <summary>
/// An integration holds only the scopes it was given, per area. Driven by the running Api's endpoint list: every
/// endpoint that names a scope refuses (403) a token of the right kind of organisation that holds every other scope,
/// and lets one with that scope through; every endpoint that names none is for people only. A new endpoint is
/// covered the moment it is mapped.
/// </summary>
public sealed class IntegrationScopes(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private ApiFactory Api => fixture.Api;

    private sealed record Endpoint(string Method, string Template, string? Scope, Type? Body, bool Multipart);

    private List<Endpoint> SignedInEndpoints() =>
        Api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1/") == true && e.Metadata.GetMetadata<ActsInsideAnOrganisation>() is not null)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(method => new Endpoint(
                method, e.RoutePattern.RawText!, e.Metadata.GetMetadata<RequiredScope>()?.Scope,
                e.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType,
                e.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes.Any(t => t.StartsWith("multipart/")) == true)))
            .ToList();

    /// <summary>A request that binds (ids that exist nowhere, a body of the right shape), so the scope check is what answers.</summary>
    private static HttpRequestMessage RequestFor(Endpoint endpoint)
    {
        var path = Regex.Replace(endpoint.Template, @"\{(?<name>[^}:]+)(:[^}]+)?\}", m => m.Groups["name"].Value switch
        {
            "slug" => "no-such-vendor",
            "month" => "2026-01",
            _ => Guid.NewGuid().ToString(),
        });
        var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), path);
        if (endpoint.Multipart)
        {
            var form = new MultipartFormDataContent();
            form.Add(new ByteArrayContent("%PDF-1.4 test"u8.ToArray()) { Headers = { ContentType = new("application/pdf") } }, "file", "a.pdf");
            request.Content = form;
        }
        else if (endpoint.Body is { } body)
        {
            var isList = body.IsArray || (body.IsGenericType && body.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)));
            request.Content = new StringContent(isList ? "[]" : "{}", Encoding.UTF8, "application/json");
        }
        return request;
    }

    private readonly Dictionary<OrganisationKind, (Person Owner, Guid Organisation)> organisations = [];

    /// <summary>A new API client of this test's organisation of <paramref name="kind"/> holding <paramref name="scopes"/>, as a bearer client.</summary>
    private async Task<HttpClient> IntegrationAsync(OrganisationKind kind, IEnumerable<string> scopes)
    {
        if (!organisations.TryGetValue(kind, out var mine))
        {
            var person = await People.SignedInAsync(Api);
            organisations[kind] = mine = (person, await person.CreateOrganisationAsync(kind == OrganisationKind.Client ? "client" : "vendor"));
        }
        var (owner, organisation) = mine;
        var created = await owner.Client(organisation).PostAsJsonAsync("/api/v1/api-clients", new { name = "連携", scopes = scopes.ToArray() });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var http = Api.CreateClient();
        var token = await http.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = "/connect/token", ClientId = body.GetProperty("clientId").GetString()!, ClientSecret = body.GetProperty("clientSecret").GetString()!,
        });
        Assert.False(token.IsError, token.Error);
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token.AccessToken);
        return http;
    }

    private static IEnumerable<string> ScopesOf(OrganisationKind kind) =>
        ApiScopes.ForApiClients.Where(s => s.Kind is null || s.Kind == kind).Select(s => s.Name);

    [Fact]
    public async Task A_token_without_an_areas_scope_gets_403_on_every_route_of_that_area_and_one_with_it_gets_through()
    {
        var endpoints = SignedInEndpoints();
        var failures = new List<string>();
        var checkedRoutes = 0;
        foreach (var scope in ApiScopes.ForApiClients)
        {
            var kinds = scope.Kind is { } only ? [only] : new[] { OrganisationKind.Client, OrganisationKind.Vendor };
            var without = new Dictionary<OrganisationKind, HttpClient>();
            var with = new Dictionary<OrganisationKind, HttpClient>();
            foreach (var kind in kinds)
            {
                without[kind] = await IntegrationAsync(kind, ScopesOf(kind).Where(s => s != scope.Name));
                with[kind] = await IntegrationAsync(kind, [scope.Name]);
            }
            foreach (var endpoint in endpoints.Where(e => e.Scope == scope.Name))
            {
                checkedRoutes++;
                // The area's routes are for one kind of organisation (the other kind answers 404) or for both.
                var refused = new List<HttpStatusCode>();
                var allowed = new List<HttpStatusCode>();
                foreach (var kind in kinds)
                {
                    refused.Add((await without[kind].SendAsync(RequestFor(endpoint))).StatusCode);
                    allowed.Add((await with[kind].SendAsync(RequestFor(endpoint))).StatusCode);
                }
                if (!refused.Contains(HttpStatusCode.Forbidden) || refused.Any(s => s is not (HttpStatusCode.Forbidden or HttpStatusCode.NotFound)))
                    failures.Add($"{endpoint.Method} {endpoint.Template} without {scope.Name}: {string.Join(", ", refused.Select(s => (int)s))}");
                if (allowed.All(s => s == HttpStatusCode.Forbidden) || allowed.Any(s => (int)s >= 500))
                    failures.Add($"{endpoint.Method} {endpoint.Template} with {scope.Name}: {string.Join(", ", allowed.Select(s => (int)s))}");
            }
        }
        Assert.True(checkedRoutes > 40, $"only {checkedRoutes} routes name a scope");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task What_only_people_do_is_refused_to_a_token_with_every_scope()
    {
        var tokens = new[]
        {
            await IntegrationAsync(OrganisationKind.Client, ScopesOf(OrganisationKind.Client)),
            await IntegrationAsync(OrganisationKind.Vendor, ScopesOf(OrganisationKind.Vendor)),
        };
        var failures = new List<string>();
        var peopleOnly = SignedInEndpoints().Where(e => e.Scope is null).ToList();
        Assert.NotEmpty(peopleOnly);
        foreach (var endpoint in peopleOnly)
            foreach (var token in tokens)
            {
                var status = (await token.SendAsync(RequestFor(endpoint))).StatusCode;
                if (status is not (HttpStatusCode.Forbidden or HttpStatusCode.NotFound))
                    failures.Add($"{endpoint.Method} {endpoint.Template}: {(int)status}");
            }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Discovery_and_the_openapi_document_list_every_scope_and_a_client_cannot_hold_the_other_kinds()
    {
        var discovery = await Api.CreateClient().GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration");
        var supported = discovery.GetProperty("scopes_supported").EnumerateArray().Select(s => s.GetString()).ToHashSet();
        Assert.All(ApiScopes.Names, scope => Assert.Contains(scope, supported));

        var document = await Api.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var flowScopes = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("oauth2").GetProperty("flows")
            .GetProperty("clientCredentials").GetProperty("scopes").EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.Equal(ApiScopes.Names.Order(), flowScopes.Order());
        // An operation names the scope an integration needs beside the people's.
        var list = document.GetProperty("paths").GetProperty("/api/v1/rfps").GetProperty("get").GetProperty("security");
        Assert.Contains(list.EnumerateArray(), r => r.GetProperty("oauth2").EnumerateArray().Any(s => s.GetString() == ApiScopes.RfpsRead));

        var owner = await People.SignedInAsync(Api);
        var client = await owner.CreateOrganisationAsync("client");
        var refused = await owner.Client(client).PostAsJsonAsync("/api/v1/api-clients", new { name = "連携", scopes = new[] { ApiScopes.VendorProfileWrite } });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains(ApiScopes.VendorProfileWrite, (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("scopes")[0].GetString());
    }
}
