using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;

namespace Marketplace.Core.Hosting;

/// <summary>Ready when a connection to the broker can be opened within a few seconds.</summary>
public sealed class RabbitMqHealthCheck(IOptions<RabbitMqOptions> options) : IHealthCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var o = options.Value;
        var factory = new ConnectionFactory
        {
            HostName = o.Host,
            Port = o.Port,
            VirtualHost = o.VirtualHost,
            UserName = o.Username,
            Password = o.Password,
            RequestedConnectionTimeout = Timeout,
            AutomaticRecoveryEnabled = false,
            ClientProvidedName = "marketplace-health-check",
        };
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Timeout);
            await using var connection = await factory.CreateConnectionAsync(timeout.Token);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The message names the endpoint only; credentials never reach the health output.
            return HealthCheckResult.Unhealthy($"RabbitMQ at {o.Host}:{o.Port} is not reachable.");
        }
    }
}
