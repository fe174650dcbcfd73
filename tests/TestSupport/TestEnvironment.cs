namespace Marketplace.TestSupport;

/// <summary>The services ./test.sh started, as it describes them in environment variables.</summary>
public static class TestEnvironment
{
    public static string ConnectionString => Require("ConnectionStrings__Marketplace");
    public static string OwnerConnectionString => Require("ConnectionStrings__MarketplaceOwner");
    public static int RabbitMqPort => int.Parse(Require("RabbitMq__Port"));
    public static string RabbitMqCtl => Require("MARKETPLACE_TEST_RABBITMQCTL");
    /// <summary>The checkout the tests were built from (the folder with Marketplace.sln), for tools such as the SPA's linters.</summary>
    public static string RepositoryRoot
    {
        get
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
                if (File.Exists(Path.Combine(folder.FullName, "Marketplace.sln"))) return folder.FullName;
            throw new InvalidOperationException($"No Marketplace.sln above {AppContext.BaseDirectory}.");
        }
    }

    public static string Chromium => Environment.GetEnvironmentVariable("MARKETPLACE_TEST_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>A TCP port on loopback where nothing listens: an outage that is certain.</summary>
    public static int ClosedPort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static string Require(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set. Run the tests through ./test.sh, which starts PostgreSQL and RabbitMQ and sets it.");
}
