using Marketplace.Core.Data;
using Marketplace.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Marketplace.TestSupport;

/// <summary>Direct database access for assertions, as the application role, exactly as the Api and Workers connect.</summary>
public static class Database
{
    /// <summary>A context acting for <paramref name="organisationId"/> (none: tenant rows are invisible, as in the app).</summary>
    public static MarketplaceDbContext Open(Guid? organisationId = null)
    {
        var tenant = new TenantContext();
        if (organisationId is { } id) tenant.Set(id);
        var options = new DbContextOptionsBuilder<MarketplaceDbContext>()
            .UseNpgsql(TestEnvironment.ConnectionString)
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(new TenantConnectionInterceptor(tenant));
        return new MarketplaceDbContext(options.Options, tenant);
    }

    /// <summary>The schema owner's connection: for arranging states the application itself could never produce.</summary>
    public static async Task<NpgsqlConnection> OpenOwnerConnectionAsync()
    {
        var connection = new NpgsqlConnection(TestEnvironment.OwnerConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public static string UniqueName(string prefix) => $"{prefix} {Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 200)];
}
