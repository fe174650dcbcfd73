using System.ComponentModel.DataAnnotations;

namespace Marketplace.Workers.Outbox;

/// <summary>Section "Outbox".</summary>
public sealed class OutboxRelayOptions
{
    public const string Section = "Outbox";

    /// <summary>Runs the background relay loop. Tests turn it off to drive <see cref="OutboxRelay"/> by hand.</summary>
    public bool RelayEnabled { get; set; } = true;

    [Range(1, 1000)] public int BatchSize { get; set; } = 100;

    /// <summary>Pause between polls when the outbox is empty.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")] public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Pause after a failed publish (broker down) before trying again.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:05:00")] public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long one publish may wait for the broker before it counts as failed.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")] public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
