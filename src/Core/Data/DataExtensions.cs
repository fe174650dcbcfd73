using Marketplace.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Marketplace.Core.Data;

public sealed class DatabaseOptions
{
    public string ConnectionString { get; set; } = "";
}

public static class DataExtensions
{
    /// <summary>A unique index refused the row: someone else wrote the same thing a moment ago (a race the caller answers).</summary>
    public static bool IsUniqueViolation(this DbUpdateException e) => e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    /// <summary>The connection the application uses (in production a role without table ownership).</summary>
    public const string ConnectionStringName = "Marketplace";

    /// <summary>The connection that owns the schema; used only to apply migrations and seed data.</summary>
    public const string OwnerConnectionStringName = "MarketplaceOwner";

    public static IHostApplicationBuilder AddMarketplaceData(this IHostApplicationBuilder builder)
    {
        // Resolved on first use, not here: build-time OpenAPI generation runs this code without configuration.
        // ValidateOnStart still refuses to start a host that has no connection string.
        var databaseOptions = builder.Services.AddOptions<DatabaseOptions>()
            .Configure<IConfiguration>((o, configuration) => o.ConnectionString = configuration.GetConnectionString(ConnectionStringName) ?? "")
            .Validate(o => o.ConnectionString.Length > 0,
                $"ConnectionStrings:{ConnectionStringName} is not configured. ./run.sh and ./test.sh set it; see README.md, Configuration.");
        if (!Hosting.BuildTimeDocumentGeneration.IsActive)
            databaseOptions.ValidateOnStart();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(sp => new NpgsqlDataSourceBuilder(
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<DatabaseOptions>>().Value.ConnectionString).Build());
        builder.Services.AddScoped<TenantContext>();
        builder.Services.AddScoped<TenantConnectionInterceptor>();
        builder.Services.AddDbContext<MarketplaceDbContext>((sp, options) =>
        {
            ConfigureNpgsql(options, sp.GetRequiredService<NpgsqlDataSource>());
            options.AddInterceptors(sp.GetRequiredService<TenantConnectionInterceptor>());
        });
        return builder;
    }

    public static string RequireConnectionString(IConfiguration configuration, string name) =>
        configuration.GetConnectionString(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"ConnectionStrings:{name} is not configured. ./run.sh and ./test.sh set it; see README.md, Configuration.");

    internal static void ConfigureNpgsql(DbContextOptionsBuilder options, NpgsqlDataSource dataSource) =>
        options.UseNpgsql(dataSource, Npgsql).UseSnakeCaseNamingConvention()
            // A failed statement is an exception its caller handles: a lost race (a unique key, a row version) is an
            // ordinary answer (409), and anything else reaches the Api's exception handler, which logs it as an error.
            .ConfigureWarnings(w => w.Log((Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandError, LogLevel.Information),
                (Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.SaveChangesFailed, LogLevel.Information),
                (Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.OptimisticConcurrencyException, LogLevel.Information)));

    internal static void ConfigureNpgsql(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, Npgsql).UseSnakeCaseNamingConvention();

    private static void Npgsql(Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure.NpgsqlDbContextOptionsBuilder npgsql) =>
        npgsql.MigrationsHistoryTable("__ef_migrations_history");

    /// <summary>Opens a context on the schema owner's connection, for migrations and seeding.</summary>
    public static MarketplaceDbContext CreateOwnerContext(IConfiguration configuration)
    {
        var options = new DbContextOptionsBuilder<MarketplaceDbContext>();
        ConfigureNpgsql(options, RequireConnectionString(configuration, OwnerConnectionStringName));
        // No organisation until a command sets one: row-level security (forced on the owner too) hides every tenant
        // row from maintenance, and a command that writes one (the demo seed) acts inside that organisation.
        var tenant = new TenantContext();
        options.AddInterceptors(new TenantConnectionInterceptor(tenant));
        return new MarketplaceDbContext(options.Options, tenant);
    }

    /// <summary>True when the exception means the database could not be reached (as opposed to a bad query).</summary>
    public static bool IsDatabaseUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case NpgsqlException { IsTransient: true }:
                case System.Net.Sockets.SocketException:
                case TimeoutException:
                // 57P01..57P03: the server is shutting down or not yet accepting connections.
                case PostgresException { SqlState: "57P01" or "57P02" or "57P03" or "53300" }:
                    return true;
            }
        }
        return false;
    }
}
