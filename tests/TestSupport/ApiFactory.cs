using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Marketplace.TestSupport;

/// <summary>
/// The real Api in-process, on the PostgreSQL and RabbitMQ that ./test.sh started. <paramref name="overrides"/>
/// replace configuration values, for example to point at a closed port and see how an outage is answered.
/// </summary>
public sealed class ApiFactory(IReadOnlyDictionary<string, string?>? overrides = null) : WebApplicationFactory<Program>
{
    public ApiFactory() : this(null) { }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Marketplace"] = TestEnvironment.ConnectionString,
            ["RabbitMq:Port"] = TestEnvironment.RabbitMqPort.ToString(),
            ["Logging:Console:FormatterName"] = "simple",
            // Every test shares one client address; the rate limit itself is tested with its own, low, setting.
            ["RateLimits:registration:PermitLimit"] = "100000",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
            settings[key] = value;
        // UseSetting, not ConfigureAppConfiguration: with minimal hosting only these are visible while Program.cs
        // still builds (for example the telemetry exporter, chosen before Build()).
        foreach (var (key, value) in settings)
            builder.UseSetting(key, value);
    }

    /// <summary>Serves on a real loopback port (for the browser) and returns its base address.</summary>
    public Uri StartKestrel()
    {
        UseKestrel(0);
        StartServer();
        return ClientOptions.BaseAddress;
    }
}
