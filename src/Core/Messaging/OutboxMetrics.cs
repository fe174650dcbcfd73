using System.Diagnostics.Metrics;

namespace Marketplace.Core.Messaging;

public static class OutboxMetrics
{
    public const string MeterName = "Marketplace.Outbox";
    private static readonly Meter Meter = new(MeterName);
    public static readonly Counter<long> Published = Meter.CreateCounter<long>("marketplace.outbox.published", description: "Outbox rows published and marked sent.");
    public static readonly Counter<long> PublishFailures = Meter.CreateCounter<long>("marketplace.outbox.publish_failures", description: "Attempts to publish an outbox row that failed (broker down, timeout).");
}
