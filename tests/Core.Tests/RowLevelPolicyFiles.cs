using Marketplace.Core.Data;
using Marketplace.TestSupport;

namespace Marketplace.Core.Tests;

/// <summary>
/// The row-level security in force is what src/Core/Data/Policies says, word for word: every table that has it has a
/// file, every file's table has it, and each policy is as written (the test database was migrated by Admin migrate,
/// which applies the files).
/// </summary>
public sealed class RowLevelPolicyFiles
{
    [Fact]
    public async Task Every_table_with_row_level_security_has_its_file_and_no_file_is_left_over()
    {
        await using var connection = await Database.OpenOwnerConnectionAsync();
        var inForce = await RowLevelPolicies.InForceAsync(connection);
        Assert.True(inForce.Count > 30, $"only {inForce.Count} tables have row-level security");
        Assert.Equal(inForce.Keys.Order(), RowLevelPolicies.Files.Keys.Order());
    }

    [Fact]
    public async Task Each_file_says_what_pg_policies_holds()
    {
        await using var connection = await Database.OpenOwnerConnectionAsync();
        var inForce = await RowLevelPolicies.InForceAsync(connection);
        foreach (var (table, file) in RowLevelPolicies.Files)
        {
            Assert.True(inForce.TryGetValue(table, out var now), $"{table}: a file, but no row-level security in force");
            // On a difference, the message shows the form to write (PostgreSQL's rendering), as `Admin policies` would.
            Assert.True(RowLevelPolicies.Normalised(file) == RowLevelPolicies.Normalised(now), $"{table}.sql differs from pg_policies; in force:\n{now}");
        }
    }

    [Fact]
    public void Every_tenant_table_forces_row_level_security_and_isolates_by_organisation()
    {
        // Forced, so the schema owner (Admin's commands) is filtered too; a table without a tenant policy would be open.
        var unforced = RowLevelPolicies.Files.Where(f => !f.Value.Contains($"ALTER TABLE {f.Key} FORCE ROW LEVEL SECURITY;")).Select(f => f.Key).ToList();
        Assert.True(unforced.Count == 0, $"not forced: {string.Join(", ", unforced)}");
        Assert.Contains("CREATE POLICY tenant_isolation ON rfps AS PERMISSIVE FOR ALL TO public", RowLevelPolicies.Normalised(RowLevelPolicies.Files["rfps"]));
    }
}
