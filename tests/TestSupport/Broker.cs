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

    private static async Task RunAsync(string argument)
    {
        using var process = Process.Start(new ProcessStartInfo(TestEnvironment.RabbitMqCtl, argument)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"rabbitmqctl {argument} failed ({process.ExitCode}): {await stderr}");
    }
}
