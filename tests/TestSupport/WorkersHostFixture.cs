using Marketplace.Workers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Marketplace.TestSupport;

/// <summary>The real Workers host in-process (consumers, outbox relay), on the services ./test.sh started.</summary>
public sealed class WorkersHostFixture : IAsyncDisposable
{
    private readonly IHost host;

    private WorkersHostFixture(IHost host) => this.host = host;

    public IServiceProvider Services => host.Services;

    public static async Task<WorkersHostFixture> StartAsync(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Marketplace"] = TestEnvironment.ConnectionString,
            ["RabbitMq:Port"] = TestEnvironment.RabbitMqPort.ToString(),
            ["Outbox:PollInterval"] = "00:00:00.100",
            ["Outbox:RetryDelay"] = "00:00:00.500",
            ["Outbox:PublishTimeout"] = "00:00:03",
            ["Logging:Console:FormatterName"] = "simple",
            // The daily scan runs when a test calls it, with the day the test chooses.
            ["CertificationExpiry:Enabled"] = "false",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
            settings[key] = value;
        var builder = WorkersHost.CreateBuilder([], settings);
        builder.Environment.EnvironmentName = "Testing";
        var host = builder.Build();
        await host.StartAsync();
        // Consumers' queues must be bound before anything is published, or RabbitMQ drops the message.
        var bus = host.Services.GetRequiredService<MassTransit.IBusControl>();
        await Eventually.True(() => Task.FromResult(bus.CheckHealth().Status == MassTransit.BusHealthStatus.Healthy),
            "the Workers' bus to connect and bind its queues");
        return new WorkersHostFixture(host);
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync(TimeSpan.FromSeconds(15));
        host.Dispose();
    }
}
