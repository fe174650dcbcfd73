using System.Diagnostics;

namespace Marketplace.TestSupport;

/// <summary>Takes the RabbitMQ that ./test.sh started down and brings it back (rabbitmqctl stop_app / start_app).</summary>
public static class Broker
{
    public static Task StopAsync() => RunAsync("stop_app");

    public static async Task StartAsync()
    {
        await RunAsync("start_app");
        await RunAsync("wait");
    }

    /// <summary>
    /// Messages waiting on the broker's queues or delivered and not yet acknowledged, over every queue but MassTransit's
    /// error and skipped queues (where a message stays by design).
    /// </summary>
    public static async Task<long> MessagesInFlightAsync()
    {
        var listing = await RunAsync("list_queues", "name", "messages_ready", "messages_unacknowledged", "--no-table-headers");
        return listing.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split('\t'))
            .Where(columns => columns.Length == 3 && !columns[0].EndsWith("_error", StringComparison.Ordinal) && !columns[0].EndsWith("_skipped", StringComparison.Ordinal))
            .Sum(columns => long.Parse(columns[1]) + long.Parse(columns[2]));
    }

    private static async Task<string> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(TestEnvironment.RabbitMqCtl) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"rabbitmqctl {string.Join(' ', arguments)} failed ({process.ExitCode}): {await stderr}");
        return await stdout;
    }
}
