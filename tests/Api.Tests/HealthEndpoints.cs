using System.Net;
using System.Text.Json;
using Marketplace.TestSupport;

namespace Marketplace.Api.Tests;

public sealed class HealthEndpoints
{
    [Fact]
    public async Task Live_answers_200_without_touching_the_services()
    {
        await using var api = new ApiFactory(new Dictionary<string, string?> { ["ConnectionStrings:Marketplace"] = $"Host=127.0.0.1;Port={TestEnvironment.ClosedPort()};Database=x;Username=x" });
        var response = await api.CreateClient().GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Ready_answers_200_when_postgresql_and_rabbitmq_answer_and_the_search_has_loaded()
    {
        await using var api = new ApiFactory();
        var client = api.CreateClient();
        // The search engine loads its copy in the background at start; until then the replica is not ready.
        var response = await Eventually.Get(async () =>
        {
            var answer = await client.GetAsync("/health/ready");
            if (answer.StatusCode == HttpStatusCode.OK) return answer;
            var loading = JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement.GetProperty("checks").EnumerateArray()
                .Single(c => c.GetProperty("status").GetString() != "Healthy");
            Assert.Equal("search", loading.GetProperty("name").GetString()); // only the search may still be loading
            return null;
        }, "the replica to be ready");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Equal(["postgresql", "rabbitmq", "search"], body.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString()).Order());
    }

    [Fact]
    public async Task Ready_answers_503_when_the_database_is_down()
    {
        await using var api = new ApiFactory(new Dictionary<string, string?> { ["ConnectionStrings:Marketplace"] = $"Host=127.0.0.1;Port={TestEnvironment.ClosedPort()};Database=marketplace;Username=marketplace_app" });
        var response = await api.CreateClient().GetAsync("/health/ready");
        var checks = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("checks").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", checks["postgresql"]);
        Assert.Equal("Healthy", checks["rabbitmq"]);
    }

    [Fact]
    public async Task Ready_answers_503_when_rabbitmq_is_down()
    {
        await using var api = new ApiFactory(new Dictionary<string, string?> { ["RabbitMq:Port"] = TestEnvironment.ClosedPort().ToString() });
        var response = await api.CreateClient().GetAsync("/health/ready");
        var checks = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("checks").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", checks["rabbitmq"]);
        Assert.Equal("Healthy", checks["postgresql"]);
    }
}
