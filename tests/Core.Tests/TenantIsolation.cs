using Marketplace.Core.Notifications;
using Marketplace.Core.Tenancy;
using Marketplace.TestSupport;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Marketplace.Core.Tests;

/// <summary>Two organisations, one notification each: neither may ever see or write the other's.</summary>
public sealed class TenantIsolation : IAsyncLifetime
{
    private readonly Guid first = Guid.CreateVersion7();
    private readonly Guid second = Guid.CreateVersion7();

    public async Task InitializeAsync()
    {
        // Arranged as the owner: the organisations, then each one's notification written as that organisation.
        await using (var owner = await Database.OpenOwnerConnectionAsync())
        {
            foreach (var id in new[] { first, second })
            {
                await using var insert = new NpgsqlCommand(
                    "INSERT INTO organisations (id, name, kind, contact_email, preferred_language, created_at) VALUES ($1, $2, 'Client', 'rls@example.jp', 'ja', now())", owner);
                insert.Parameters.Add(new NpgsqlParameter { Value = id });
                insert.Parameters.Add(new NpgsqlParameter { Value = Database.UniqueName("分離テスト") });
                await insert.ExecuteNonQueryAsync();
            }
        }
        foreach (var id in new[] { first, second })
        {
            await using var db = Database.Open(id);
            db.Notifications.Add(new Notification(id, NotificationTypes.Welcome, "{}", DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task<long> CountAsAppRole(string? currentOrganisation, Guid ownerOfRows)
    {
        await using var connection = new NpgsqlConnection(TestEnvironment.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        if (currentOrganisation is not null)
        {
            await using var set = new NpgsqlCommand("SELECT set_config('app.current_org', $1, true)", connection, transaction);
            set.Parameters.Add(new NpgsqlParameter { Value = currentOrganisation });
            await set.ExecuteNonQueryAsync();
        }
        await using var count = new NpgsqlCommand("SELECT count(*) FROM notifications WHERE organisation_id = $1", connection, transaction);
        count.Parameters.Add(new NpgsqlParameter { Value = ownerOfRows });
        return (long)(await count.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task Raw_sql_through_the_application_role_with_another_organisation_set_returns_none_of_the_first_organisations_rows()
    {
        Assert.Equal(1, await CountAsAppRole(first.ToString(), first));
        Assert.Equal(0, await CountAsAppRole(second.ToString(), first));
    }

    [Fact]
    public async Task Raw_sql_with_no_organisation_set_sees_no_tenant_rows()
    {
        Assert.Equal(0, await CountAsAppRole(null, first));
        Assert.Equal(0, await CountAsAppRole("", first));
    }

    [Fact]
    public async Task The_database_refuses_a_row_written_for_another_organisation()
    {
        await using var connection = new NpgsqlConnection(TestEnvironment.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var set = new NpgsqlCommand($"SELECT set_config('app.current_org', '{second}', true)", connection, transaction))
            await set.ExecuteNonQueryAsync();
        await using var insert = new NpgsqlCommand(
            $"INSERT INTO notifications (id, organisation_id, type, data, created_at) VALUES (gen_random_uuid(), '{first}', 'x', '{{}}', now())", connection, transaction);
        var error = await Assert.ThrowsAsync<PostgresException>(() => insert.ExecuteNonQueryAsync());
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState); // new row violates row-level security policy
    }

    [Fact]
    public async Task The_application_role_cannot_switch_row_level_security_off()
    {
        await using var connection = new NpgsqlConnection(TestEnvironment.ConnectionString);
        await connection.OpenAsync();
        await using var disable = new NpgsqlCommand("ALTER TABLE notifications DISABLE ROW LEVEL SECURITY", connection);
        var error = await Assert.ThrowsAsync<PostgresException>(() => disable.ExecuteNonQueryAsync());
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState); // must be owner of table
        await using var role = new NpgsqlCommand("SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user", connection);
        Assert.False((bool)(await role.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task The_query_filter_shows_each_organisation_only_its_own_rows()
    {
        await using (var asFirst = Database.Open(first))
            Assert.Equal([first], await asFirst.Notifications.Where(n => n.OrganisationId == first || n.OrganisationId == second).Select(n => n.OrganisationId).ToListAsync());
        await using (var asNobody = Database.Open())
            Assert.Empty(await asNobody.Notifications.Where(n => n.OrganisationId == first).ToListAsync());
    }

    [Fact]
    public async Task A_save_that_writes_another_organisations_row_is_refused_before_it_reaches_the_database()
    {
        await using var asSecond = Database.Open(second);
        asSecond.Notifications.Add(new Notification(first, NotificationTypes.Welcome, "{}", DateTimeOffset.UtcNow));
        await Assert.ThrowsAsync<CrossTenantWriteException>(() => asSecond.SaveChangesAsync());

        await using var asNobody = Database.Open();
        asNobody.Notifications.Add(new Notification(first, NotificationTypes.Welcome, "{}", DateTimeOffset.UtcNow));
        await Assert.ThrowsAsync<CrossTenantWriteException>(() => asNobody.SaveChangesAsync());

        await using var asFirst = Database.Open(first);
        Assert.Equal(1, await asFirst.Notifications.CountAsync(n => n.OrganisationId == first));
    }

    [Fact]
    public void The_tenant_of_a_scope_cannot_be_changed_once_set()
    {
        var tenant = new TenantContext();
        tenant.Set(first);
        tenant.Set(first);
        Assert.Throws<InvalidOperationException>(() => tenant.Set(second));
    }
}
