using Marketplace.Core.Data;
using Marketplace.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
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

    /// <summary>
    /// A context as the schema owner, as Admin's commands (migrate, seed) make one: no organisation until one is set,
    /// and row-level security applies to it too. For running the demo seed in a test.
    /// </summary>
    public static MarketplaceDbContext OpenAsOwner() => DataExtensions.CreateOwnerContext(
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{DataExtensions.OwnerConnectionStringName}"] = TestEnvironment.OwnerConnectionString,
        }).Build());

    /// <summary>The schema owner's connection: for arranging states the application itself could never produce.</summary>
    public static async Task<NpgsqlConnection> OpenOwnerConnectionAsync()
    {
        var connection = new NpgsqlConnection(TestEnvironment.OwnerConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>
    /// One statement as the application's role acting for <paramref name="organisation"/>, with $1, $2... bound to
    /// <paramref name="parameters"/>: what the Api could do if its own checks were wrong, so only row-level security and
    /// the triggers stand in the way. Rolled back unless <paramref name="commit"/>. <paramref name="user"/> sets the
    /// person too, for the rules that are a person's (an evaluator's own scores).
    /// </summary>
    public static async Task<T> AsApplicationRoleAsync<T>(Guid organisation, string sql, object[] parameters, bool commit = false, Guid? user = null)
    {
        await using var connection = new NpgsqlConnection(TestEnvironment.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var set = new NpgsqlCommand("SELECT set_config('app.current_org', $1, true)", connection, transaction))
        {
            set.Parameters.Add(new NpgsqlParameter { Value = organisation.ToString() });
            await set.ExecuteNonQueryAsync();
        }
        if (user is { } person)
            await using (var set = new NpgsqlCommand("SELECT set_config('app.current_user', $1, true)", connection, transaction))
            {
                set.Parameters.Add(new NpgsqlParameter { Value = person.ToString() });
                await set.ExecuteNonQueryAsync();
            }
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var parameter in parameters) command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        var result = (T)(await command.ExecuteScalarAsync())!;
        if (commit) await transaction.CommitAsync();
        return result;
    }

    public static string UniqueName(string prefix) => $"{prefix} {Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 200)];
}
