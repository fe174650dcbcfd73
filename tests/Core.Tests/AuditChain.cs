using Marketplace.Core.Auditing;
using Marketplace.TestSupport;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Marketplace.Core.Tests;

/// <summary>The audit log is append-only for the application and any change made behind its back is found.</summary>
public sealed class AuditChain
{
    private static async Task<long> AppendAsync(Guid organisationId, string action)
    {
        await using var db = Database.Open(organisationId);
        await using var transaction = await db.Database.BeginTransactionAsync();
        var id = await db.AppendAuditAsync(new AuditRecord(organisationId, "test", action, "organisation", organisationId.ToString(), "127.0.0.1", new { note = "監査テスト" }), CancellationToken.None);
        await transaction.CommitAsync();
        return id;
    }

    [Fact]
    public async Task Entries_link_to_the_one_before_and_the_chain_verifies()
    {
        var organisation = Guid.CreateVersion7();
        var a = await AppendAsync(organisation, "test.first");
        var b = await AppendAsync(organisation, "test.second");

        await using var db = Database.Open(organisation);
        var entries = await db.AuditEntries.Where(e => e.Id == a || e.Id == b).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(2, entries.Count);
        Assert.Equal(32, entries[1].Hash.Length);

        await using var owner = await Database.OpenOwnerConnectionAsync();
        var result = await AuditTrail.VerifyChainAsync(owner);
        Assert.True(result.Intact, $"broken at {result.FirstBrokenId}: {result.Problem}");
        Assert.True(result.EntriesChecked >= 2);
    }

    [Fact]
    public async Task An_organisation_reads_only_its_own_entries()
    {
        var mine = Guid.CreateVersion7();
        var theirs = Guid.CreateVersion7();
        var myEntry = await AppendAsync(mine, "test.mine");
        var theirEntry = await AppendAsync(theirs, "test.theirs");

        await using var db = Database.Open(mine);
        var visible = await db.AuditEntries.Where(e => e.Id == myEntry || e.Id == theirEntry).Select(e => e.Id).ToListAsync();
        Assert.Equal([myEntry], visible);
        // And below EF's filter, PostgreSQL says the same.
        var raw = await db.Database.SqlQuery<long>($"SELECT id AS \"Value\" FROM audit_entries WHERE id IN ({myEntry}, {theirEntry})").ToListAsync();
        Assert.Equal([myEntry], raw);
    }

    [Theory]
    [InlineData("UPDATE audit_entries SET action = 'x'")]
    [InlineData("DELETE FROM audit_entries")]
    [InlineData("INSERT INTO audit_entries (organisation_id, actor, action, occurred_at, hash) VALUES (NULL, 'x', 'x', now(), '\\x00')")]
    [InlineData("TRUNCATE audit_entries")]
    public async Task The_application_role_cannot_write_entries_directly(string sql)
    {
        await using var connection = new NpgsqlConnection(TestEnvironment.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
    }

    [Fact]
    public async Task The_verifier_names_an_entry_changed_directly_in_the_database()
    {
        var organisation = Guid.CreateVersion7();
        var id = await AppendAsync(organisation, "test.to-be-tampered");
        await AppendAsync(organisation, "test.after");

        await using var owner = await Database.OpenOwnerConnectionAsync();
        await using (var tamper = new NpgsqlCommand($"UPDATE audit_entries SET action = 'test.innocent' WHERE id = {id}", owner))
            Assert.Equal(1, await tamper.ExecuteNonQueryAsync());
        try
        {
            var result = await AuditTrail.VerifyChainAsync(owner);
            Assert.False(result.Intact);
            Assert.Equal(id, result.FirstBrokenId);
            Assert.Contains("does not match its hash", result.Problem);
        }
        finally
        {
            await using var restore = new NpgsqlCommand($"UPDATE audit_entries SET action = 'test.to-be-tampered' WHERE id = {id}", owner);
            await restore.ExecuteNonQueryAsync();
        }
        Assert.True((await AuditTrail.VerifyChainAsync(owner)).Intact);
    }
}
