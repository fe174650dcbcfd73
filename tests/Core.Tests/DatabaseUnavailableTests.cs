using Marketplace.Core.Data;
using Npgsql;

namespace Marketplace.Core.Tests;

public sealed class DatabaseUnavailableTests
{
    [Fact]
    public async Task A_refused_connection_counts_as_unavailable()
    {
        var port = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        port.Start();
        var closed = ((System.Net.IPEndPoint)port.LocalEndpoint).Port;
        port.Stop();

        await using var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={closed};Username=x;Timeout=2");
        var error = await Assert.ThrowsAnyAsync<Exception>(() => connection.OpenAsync());
        Assert.True(DataExtensions.IsDatabaseUnavailable(error));
    }

    [Fact]
    public void A_query_error_does_not_count_as_unavailable()
    {
        var error = new PostgresException("column does not exist", "ERROR", "ERROR", "42703");
        Assert.False(DataExtensions.IsDatabaseUnavailable(new InvalidOperationException("wrapped", error)));
    }
}
