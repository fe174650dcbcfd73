using Microsoft.EntityFrameworkCore.Migrations;

namespace Marketplace.Core.Data;

/// <summary>Migration helpers for PostgreSQL row-level security; every tenant-owned table goes through them.</summary>
public static class RowLevelSecurity
{
    /// <summary>The organisation the connection acts for, or NULL when none is set (then no row matches).</summary>
    public const string CurrentOrganisation = "NULLIF(current_setting('app.current_org', true), '')::uuid";

    /// <summary>The signed-in person the connection acts for, or NULL.</summary>
    public const string CurrentUser = "NULLIF(current_setting('app.current_user', true), '')::uuid";

    /// <summary>
    /// ENABLE and FORCE (so the owner is filtered too) with one policy: a row is visible and writable only when its
    /// organisation_id is the connection's organisation.
    /// </summary>
    public static void EnableTenantIsolation(this MigrationBuilder migration, string table, string column = "organisation_id")
    {
        migration.Sql($"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;");
        migration.Sql($"ALTER TABLE {table} FORCE ROW LEVEL SECURITY;");
        migration.Sql($"CREATE POLICY tenant_isolation ON {table} USING ({column} = {CurrentOrganisation}) WITH CHECK ({column} = {CurrentOrganisation});");
    }

    /// <summary>
    /// For public data one organisation owns (a vendor profile): every connection reads every row, but a row is
    /// written only when its organisation is the connection's (<see cref="Tenancy.ITenantWritten"/> does the same in EF).
    /// </summary>
    public static void EnablePublicReadTenantWrite(this MigrationBuilder migration, string table, string column = "organisation_id")
    {
        migration.EnableTenantIsolation(table, column);
        migration.Sql($"CREATE POLICY public_read ON {table} FOR SELECT USING (true);");
    }

    public static void DisablePublicReadTenantWrite(this MigrationBuilder migration, string table)
    {
        migration.Sql($"DROP POLICY IF EXISTS public_read ON {table};");
        migration.DisableTenantIsolation(table);
    }

    public static void DisableTenantIsolation(this MigrationBuilder migration, string table)
    {
        migration.Sql($"DROP POLICY IF EXISTS tenant_isolation ON {table};");
        migration.Sql($"ALTER TABLE {table} NO FORCE ROW LEVEL SECURITY;");
        migration.Sql($"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY;");
    }
}
