using Marketplace.Core.Identity;
using Marketplace.Core.Organisations;
using Marketplace.TestSupport;
using Npgsql;

namespace Marketplace.Core.Tests;

/// <summary>
/// Memberships are the one tenant-owned table a person may also read across organisations: their own rows
/// (app.current_user), so that the active organisation can be verified and listed. Writing stays inside one
/// organisation.
/// </summary>
public sealed class MembershipVisibility : IAsyncLifetime
{
    private readonly Guid organisation = Guid.CreateVersion7();
    private readonly Guid otherOrganisation = Guid.CreateVersion7();
    private readonly Guid member = Guid.CreateVersion7();
    private readonly Guid stranger = Guid.CreateVersion7();

    public async Task InitializeAsync()
    {
        await using (var owner = await Database.OpenOwnerConnectionAsync())
        {
            foreach (var id in new[] { organisation, otherOrganisation })
            {
                await using var insert = new NpgsqlCommand(
                    "INSERT INTO organisations (id, name, kind, contact_email, preferred_language, created_at) VALUES ($1, $2, 'Client', 'm@example.jp', 'ja', now())", owner);
                insert.Parameters.Add(new NpgsqlParameter { Value = id });
                insert.Parameters.Add(new NpgsqlParameter { Value = Database.UniqueName("所属テスト") });
                await insert.ExecuteNonQueryAsync();
            }
        }
        await using (var db = Database.Open())
        {
            foreach (var id in new[] { member, stranger })
                db.Users.Add(new User { Id = id, UserName = $"{id}@example.jp", Email = $"{id}@example.jp", SecurityStamp = "s", CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }
        await using (var db = Database.Open(organisation))
        {
            db.Memberships.Add(new Membership(organisation, member, OrganisationRoles.Owner, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<long> Execute(string sql, Guid? currentOrganisation, Guid? currentUser)
    {
        await using var connection = new NpgsqlConnection(TestEnvironment.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var set = new NpgsqlCommand("SELECT set_config('app.current_org', $1, true), set_config('app.current_user', $2, true)", connection, transaction))
        {
            set.Parameters.Add(new NpgsqlParameter { Value = currentOrganisation?.ToString() ?? "" });
            set.Parameters.Add(new NpgsqlParameter { Value = currentUser?.ToString() ?? "" });
            await set.ExecuteNonQueryAsync();
        }
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = organisation });
        var result = await command.ExecuteScalarAsync();
        return result is long count ? count : 0;
    }

    private Task<long> Count(Guid? currentOrganisation, Guid? currentUser) =>
        Execute("SELECT count(*) FROM memberships WHERE organisation_id = $1", currentOrganisation, currentUser);

    [Fact]
    public async Task A_person_sees_their_own_membership_with_no_organisation_set_and_nobody_elses()
    {
        Assert.Equal(1, await Count(null, member));
        Assert.Equal(0, await Count(null, stranger));
        Assert.Equal(0, await Count(null, null));
        Assert.Equal(0, await Count(otherOrganisation, stranger));
        Assert.Equal(1, await Count(organisation, stranger)); // inside the organisation, its members are visible
    }

    [Fact]
    public async Task A_person_cannot_change_their_own_membership_from_outside_its_organisation()
    {
        var updated = await Execute("WITH changed AS (UPDATE memberships SET role = 'viewer' WHERE organisation_id = $1 RETURNING 1) SELECT count(*) FROM changed",
            otherOrganisation, member);
        Assert.Equal(0, updated);
        var deleted = await Execute("WITH gone AS (DELETE FROM memberships WHERE organisation_id = $1 RETURNING 1) SELECT count(*) FROM gone", null, member);
        Assert.Equal(0, deleted);
        Assert.Equal(1, await Count(organisation, null));
    }
}
