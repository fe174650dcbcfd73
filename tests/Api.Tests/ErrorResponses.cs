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
