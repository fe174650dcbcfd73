using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Marketplace.TestSupport;

namespace Marketplace.Api.Tests;

/// <summary>Every error is a ProblemDetails, and none of them leaks a stack trace or the SPA's page.</summary>
public sealed class ErrorResponses(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private static async Task<JsonElement> ReadProblem(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("   at ", body); // a .NET stack frame
        return JsonDocument.Parse(body).RootElement;
    }

    [Theory]
    [InlineData("/api/nothing-here")]
    [InlineData("/api/v1/rfps/123/unknown")]
    public async Task An_unknown_api_route_answers_404_problem_not_the_spa(string path)
    {
        var response = await fixture.Api.CreateClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await ReadProblem(response);
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.Contains(path, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_page_route_outside_the_api_answers_the_spa()
    {
        var response = await fixture.Api.CreateClient().GetAsync("/client/some/page");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<div id=\"root\">", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("{\"name\": ")]
    [InlineData("{\"name\": \"a\", \"kind\": }")]
    [InlineData("not json at all")]
    [InlineData("{\"name\": 42}")]
    public async Task Malformed_json_answers_400_problem(string body)
    {
        var response = await fixture.Api.CreateClient().PostAsync("/api/v1/account/sign-up", new StringContent(body.Replace("name", "email"), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ReadProblem(response);
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.True(problem.TryGetProperty("traceId", out _));
    }

    [Fact]
    public async Task A_wrong_method_answers_405_problem()
    {
        var response = await fixture.Api.CreateClient().DeleteAsync("/api/v1/organisations");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["POST"], response.Content.Headers.Allow);
        var problem = await ReadProblem(response);
        Assert.Equal(405, problem.GetProperty("status").GetInt32());
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData(null)]
    public async Task A_json_endpoint_called_with_another_content_type_answers_415_problem(string? contentType)
    {
        var content = new StringContent("{\"email\": \"a@example.jp\"}");
        content.Headers.ContentType = contentType is null ? null : new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        var response = await fixture.Api.CreateClient().PostAsync("/api/v1/account/sign-in", content);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        var problem = await ReadProblem(response);
        Assert.Contains("application/json", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("-1")]
    [InlineData("5000")]
    public async Task An_id_that_is_not_an_id_answers_404_problem_for_every_method(string id)
    {
        if (id == "5000") id = new string('a', 5000);
        var client = await MemberClientAsync();
        foreach (var method in new[] { HttpMethod.Get, HttpMethod.Put })
        {
            var response = await client.SendAsync(new HttpRequestMessage(method, $"/api/v1/rfps/{id}/evaluation")
            {
                Content = method == HttpMethod.Put ? JsonContent.Create(new { }) : null,
            });
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            await ReadProblem(response);
        }
    }

    [Fact]
    public async Task A_very_long_address_answers_414_problem()
    {
        var response = await fixture.Api.CreateClient().GetAsync("/api/v1/vendors/" + new string('a', 9000));
        Assert.Equal(HttpStatusCode.RequestUriTooLong, response.StatusCode);
        var problem = await ReadProblem(response);
        Assert.Equal("https://tools.ietf.org/html/rfc9110#section-15.5.15", problem.GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("ja", "整数")]
    [InlineData("en", "whole number")]
    public async Task A_query_value_of_the_wrong_type_is_named_in_the_readers_language_without_dotnet_types(string language, string expected)
    {
        var client = await MemberClientAsync(language);
        var response = await client.GetAsync("/api/v1/audit-log?limit=many");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("System.", body);
        Assert.DoesNotContain("Nullable", body);
        var problem = await ReadProblem(response);
        Assert.Contains(expected, problem.GetProperty("errors").GetProperty("limit")[0].GetString());
    }

    [Theory]
    [InlineData("ja", "UUID")]
    [InlineData("en", "UUID")]
    public async Task A_json_value_of_the_wrong_type_is_named_without_dotnet_types(string language, string expected)
    {
        var client = await MemberClientAsync(language);
        var response = await client.PostAsJsonAsync("/api/v1/rfps", new { title = "業務委託", fromTaskIds = new[] { "not-a-guid" } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("System.", body);
        var problem = await ReadProblem(response);
        Assert.Contains(expected, problem.GetProperty("errors").GetProperty("fromTaskIds[0]")[0].GetString());
    }

    /// <summary>The owner of a new client organisation, so that the routes behind sign-in are reached.</summary>
    private async Task<HttpClient> MemberClientAsync(string? language = null)
    {
        var person = await People.SignedInAsync(fixture.Api);
        var organisation = await person.CreateOrganisationAsync("client");
        return person.Client(organisation, language);
    }

    [Fact]
    public async Task A_database_outage_answers_503_problem_without_a_stack_trace()
    {
        await using var api = new ApiFactory(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Marketplace"] = $"Host=127.0.0.1;Port={TestEnvironment.ClosedPort()};Database=marketplace;Username=marketplace_app;Timeout=3",
        });
        var response = await api.CreateClient().PostAsJsonAsync("/api/v1/account/sign-in",
            new { email = "outage@example.jp", password = "any password at all" });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        var problem = await ReadProblem(response);
        Assert.Equal(503, problem.GetProperty("status").GetInt32());
        Assert.DoesNotContain("Npgsql", problem.GetRawText());
    }
}
