namespace Marketplace.TestSupport;

/// <summary>Waits for something that happens asynchronously (a message consumed), failing with a clear message.</summary>
public static class Eventually
{
    public static async Task<T> Get<T>(Func<Task<T?>> probe, string what, TimeSpan? timeout = null) where T : class
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            if (await probe() is { } value) return value;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Gave up waiting for {what}.");
            await Task.Delay(100);
        }
    }

    public static async Task True(Func<Task<bool>> probe, string what, TimeSpan? timeout = null) =>
        await Get<object>(async () => await probe() ? new object() : null, what, timeout);
}
