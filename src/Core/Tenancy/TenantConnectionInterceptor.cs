using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Marketplace.Core.Tenancy;

/// <summary>
/// Tells PostgreSQL which organisation this connection acts for, each time EF opens it, so that row-level security
/// policies (see the RowLevelSecurity migration) can filter on current_setting('app.current_org').
/// The setting lives as long as this lease of the pooled connection: Npgsql resets session state (DISCARD ALL) when
/// the connection goes back to the pool, so it never leaks to the next lease. No organisation means an empty
/// setting, and the policies then match no row. See docs/decisions/0006-tenant-isolation.md.
/// </summary>
public sealed class TenantConnectionInterceptor(TenantContext tenant) : DbConnectionInterceptor
{
    public const string SettingName = "app.current_org";
    public const string UserSettingName = "app.current_user";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = CreateCommand(connection);
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = CreateCommand(connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private DbCommand CreateCommand(DbConnection connection)
    {
        var command = (NpgsqlCommand)connection.CreateCommand();
        command.CommandText = $"SELECT set_config('{SettingName}', $1, false), set_config('{UserSettingName}', $2, false)";
        command.Parameters.Add(new NpgsqlParameter { Value = tenant.OrganisationId?.ToString() ?? "" });
        command.Parameters.Add(new NpgsqlParameter { Value = tenant.UserId?.ToString() ?? "" });
        return command;
    }
}
