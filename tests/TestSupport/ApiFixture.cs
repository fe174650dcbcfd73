using Xunit;

namespace Marketplace.TestSupport;

/// <summary>One Api for all tests of a class (xunit class fixture); classes that need other settings make their own.</summary>
public sealed class ApiFixture : IAsyncLifetime
{
    public ApiFactory Api { get; } = new();
    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await Api.DisposeAsync();
}
