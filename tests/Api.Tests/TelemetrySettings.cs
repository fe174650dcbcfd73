using System.Net;
using Marketplace.TestSupport;

namespace Marketplace.Api.Tests;

public sealed class TelemetrySettings
{
    [Theory]
    [InlineData("none")]
    [InlineData("console")]
    [InlineData("otlp")]
    public async Task The_api_starts_with_each_exporter(string exporter)
    {
        await using var api = new ApiFactory(new Dictionary<string, string?>
        {
            ["Telemetry:Exporter"] = exporter,
            // Nothing listens there; exporting fails quietly in the background, requests are unaffected.
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = $"http://127.0.0.1:{TestEnvironment.ClosedPort()}",
        });
        var response = await api.CreateClient().GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_exporter_stops_the_start_with_a_clear_message()
    {
        await using var api = new ApiFactory(new Dictionary<string, string?> { ["Telemetry:Exporter"] = "zipkin" });
        var error = Assert.ThrowsAny<Exception>(() => api.CreateClient());
        Assert.Contains("Telemetry:Exporter must be none, console or otlp", error.ToString());
    }
}
