using Marketplace.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.TestSupport;

/// <summary>Direct database access for assertions (as the application role, like the Api).</summary>
public static class Database
{
    public static MarketplaceDbContext Open()
    {
        var options = new DbContextOptionsBuilder<MarketplaceDbContext>()
            .UseNpgsql(TestEnvironment.ConnectionString)
            .UseSnakeCaseNamingConvention();
        return new MarketplaceDbContext(options.Options);
    }

    public static string UniqueName(string prefix) => $"{prefix} {Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 200)];
}
