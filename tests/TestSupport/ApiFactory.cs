using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

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
            // The test hosts serve plain HTTP on loopback, as ./run.sh does.
            ["Oidc:RequireHttps"] = "false",
            // Uploads of every test host in one throwaway folder, never in the source tree.
            ["Storage:Path"] = Path.Combine(Path.GetTempPath(), "marketplace-test-files"),
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
            settings[key] = value;
        // UseSetting, not ConfigureAppConfiguration: with minimal hosting only these are visible while Program.cs
        // still builds (for example the telemetry exporter, chosen before Build()).
        foreach (var (key, value) in settings)
            builder.UseSetting(key, value);
        // Every answer is checked against the operation's OpenAPI document.
        builder.ConfigureServices(services => services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, DocumentedAnswers>());
    }

    /// <summary>True when the Api serves on a real port (then requests go over sockets, not the in-memory server).</summary>
    public bool ServesOnKestrel { get; private set; }

    /// <summary>
    /// Serves on a real loopback port (for the browser) and returns its base address. The port is chosen before the
    /// host starts, so that "Site:PublicUrl" (the SPA's registered OIDC redirect) can name it.
    /// </summary>
    public static (ApiFactory Api, Uri BaseAddress) StartKestrel(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var port = TestEnvironment.ClosedPort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        var settings = new Dictionary<string, string?>(overrides ?? new Dictionary<string, string?>()) { ["Site:PublicUrl"] = baseAddress.ToString().TrimEnd('/') };
        var api = new ApiFactory(settings);
        api.ServesOnKestrel = true;
        api.UseKestrel(port);
        api.StartServer();
        api.ClientOptions.BaseAddress = baseAddress; // CreateClient() then talks to the same server the browser uses
        return (api, baseAddress);
    }
}
