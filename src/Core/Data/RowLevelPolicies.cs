using System.Data.Common;
using System.Text;
using System.Text.RegularExpressions;

namespace Marketplace.Core.Data;

/// <summary>
/// The row-level security in force, one file per table in <c>Data/Policies/</c> (embedded): whether the table enables
/// and forces it, and each policy. The migrations' history created and changed the policies over time; these files
/// say what holds now, and <c>Admin migrate</c> applies them after the migrations (as a repeatable script: a table
/// whose policies differ from its file has them dropped and created from it, in one transaction). The files are in
/// PostgreSQL's own rendering of each policy (<see cref="InForceAsync"/>), so a test compares them with pg_policies
/// word for word (decision 0026).
/// </summary>
public static partial class RowLevelPolicies
{
    private const string ResourcePrefix = "Marketplace.Core.Data.Policies.";

    /// <summary>Each table's file, by table name.</summary>
    public static IReadOnlyDictionary<string, string> Files { get; } = LoadFiles();

    /// <summary>
    /// The tables' row-level security as the database holds it, in the files' form: ENABLE and FORCE, then each policy
    /// (by name) with PostgreSQL's rendering of its expressions; the role that runs this (the schema owner) is written
    /// CURRENT_USER, so the files do not name a deployment's role.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string>> InForceAsync(DbConnection connection, CancellationToken cancellationToken = default)
    {
        var tables = new SortedDictionary<string, StringBuilder>(StringComparer.Ordinal);
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT c.relname, c.relforcerowsecurity FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = current_schema() AND c.relkind = 'r' AND c.relrowsecurity ORDER BY c.relname
                """;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var table = reader.GetString(0);
                var script = new StringBuilder($"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;\n");
                if (reader.GetBoolean(1)) script.Append($"ALTER TABLE {table} FORCE ROW LEVEL SECURITY;\n");
                tables[table] = script;
            }
        }
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT tablename, policyname, permissive, array_to_string(ARRAY(
                           SELECT CASE WHEN r = current_user THEN 'CURRENT_USER' ELSE r END FROM unnest(roles) r), ', '),
                       cmd, qual, with_check
                FROM pg_policies WHERE schemaname = current_schema() ORDER BY tablename, policyname
                """;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var table = reader.GetString(0);
                if (!tables.TryGetValue(table, out var script)) tables[table] = script = new StringBuilder(); // policies on a table without RLS: shown, never silent
                script.Append($"\nCREATE POLICY {reader.GetString(1)} ON {table} AS {reader.GetString(2)} FOR {reader.GetString(4)} TO {reader.GetString(3)}");
                if (!reader.IsDBNull(5)) script.Append($"\n    USING ({reader.GetString(5)})");
                if (!reader.IsDBNull(6)) script.Append($"\n    WITH CHECK ({reader.GetString(6)})");
                script.Append(";\n");
            }
        }
        return tables.ToDictionary(t => t.Key, t => t.Value.ToString(), StringComparer.Ordinal);
    }

    /// <summary>A script's statements without its comments and with its spacing collapsed, for comparing two scripts.</summary>
    public static string Normalised(string script) =>
        Whitespace().Replace(string.Join('\n', script.Split('\n').Where(line => !line.TrimStart().StartsWith("--", StringComparison.Ordinal))), " ").Trim();

    /// <summary>
    /// Brings every table with a file to its file, in one transaction: where the two differ, turns the table's
    /// row-level security off, drops its policies and runs the file (nothing is visible in between). Returns the tables changed. Run as the schema owner (who owns the tables).
    /// </summary>
    public static async Task<IReadOnlyList<string>> ApplyAsync(DbConnection connection, CancellationToken cancellationToken = default)
    {
        var inForce = await InForceAsync(connection, cancellationToken);
        var changed = Files.Where(f => !inForce.TryGetValue(f.Key, out var now) || Normalised(now) != Normalised(f.Value)).Select(f => f.Key).ToList();
        if (changed.Count == 0) return changed;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var table in changed)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"""
                ALTER TABLE {table} NO FORCE ROW LEVEL SECURITY;
                ALTER TABLE {table} DISABLE ROW LEVEL SECURITY;
                DO $$ DECLARE p record; BEGIN
                  FOR p IN SELECT policyname FROM pg_policies WHERE schemaname = current_schema() AND tablename = '{table}' LOOP
                    EXECUTE format('DROP POLICY %I ON %I', p.policyname, '{table}');
                  END LOOP;
                END $$;
                {Files[table]}
                """;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return changed;
    }

    /// <summary>The file a table's row-level security would be written to, in the form <see cref="Files"/> holds.</summary>
    public static string FileText(string table, string inForce) =>
        $"-- Row-level security in force on {table}. Change it here: Admin migrate applies this file, and\n" +
        "-- RowLevelPolicyFiles compares it with pg_policies (PostgreSQL's rendering, written by `Admin policies`).\n" + inForce;

    private static IReadOnlyDictionary<string, string> LoadFiles()
    {
        var assembly = typeof(RowLevelPolicies).Assembly;
        return assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .ToDictionary(n => n[ResourcePrefix.Length..^".sql".Length], n =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
                return reader.ReadToEnd();
            }, StringComparer.Ordinal);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
