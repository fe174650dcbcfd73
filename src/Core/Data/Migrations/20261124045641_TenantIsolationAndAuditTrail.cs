using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Marketplace.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class TenantIsolationAndAuditTrail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: true),
                    actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    action = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    object_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    object_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ip_address = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    data = table.Column<string>(type: "jsonb", nullable: true),
                    previous_hash = table.Column<byte[]>(type: "bytea", nullable: true),
                    hash = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_entries", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_organisation_id_occurred_at",
                table: "audit_entries",
                columns: new[] { "organisation_id", "occurred_at" });

            // Tenant-owned tables: PostgreSQL itself hides other organisations' rows (defence behind EF's filter).
            migrationBuilder.EnableTenantIsolation("notifications");

            // The audit chain. One definition of an entry's hash, used to append and to verify.
            migrationBuilder.Sql("""
                CREATE FUNCTION audit_entry_hash(p_id bigint, p_previous bytea, p_organisation_id uuid, p_actor text, p_action text,
                                                 p_object_type text, p_object_id text, p_occurred_at timestamptz, p_ip_address text, p_data jsonb)
                RETURNS bytea LANGUAGE sql IMMUTABLE AS $$
                    SELECT sha256(coalesce(p_previous, ''::bytea) || convert_to(concat_ws(E'\x1f',
                        p_id::text, coalesce(p_organisation_id::text, ''), p_actor, p_action, coalesce(p_object_type, ''),
                        coalesce(p_object_id, ''), (extract(epoch FROM p_occurred_at) * 1000000)::bigint::text,
                        coalesce(p_ip_address, ''), coalesce(p_data::text, '')), 'UTF8'))
                $$;
                """);
            // The only way in: runs as the owner (SECURITY DEFINER), takes a transaction lock so entries chain in one
            // order, links to the last entry, and stores the hash. The lock is held until the caller commits.
            migrationBuilder.Sql("""
                CREATE FUNCTION append_audit_entry(p_organisation_id uuid, p_actor text, p_action text, p_object_type text,
                                                   p_object_id text, p_ip_address text, p_data jsonb)
                RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
                DECLARE
                    v_previous bytea;
                    v_id bigint;
                    v_at timestamptz := date_trunc('microseconds', clock_timestamp());
                BEGIN
                    PERFORM pg_advisory_xact_lock(hashtext('audit_entries'));
                    SELECT hash INTO v_previous FROM audit_entries ORDER BY id DESC LIMIT 1;
                    v_id := nextval(pg_get_serial_sequence('audit_entries', 'id'));
                    INSERT INTO audit_entries (id, organisation_id, actor, action, object_type, object_id, occurred_at, ip_address, data, previous_hash, hash)
                    OVERRIDING SYSTEM VALUE
                    VALUES (v_id, p_organisation_id, p_actor, p_action, p_object_type, p_object_id, v_at, p_ip_address, p_data, v_previous,
                            audit_entry_hash(v_id, v_previous, p_organisation_id, p_actor, p_action, p_object_type, p_object_id, v_at, p_ip_address, p_data));
                    RETURN v_id;
                END $$;
                """);
            // Append-only for everyone but the owner: whatever the default privileges granted, no role may write directly.
            migrationBuilder.Sql("""
                DO $$ DECLARE r record; BEGIN
                    FOR r IN SELECT DISTINCT grantee FROM information_schema.role_table_grants
                             WHERE table_name = 'audit_entries' AND grantee <> current_user LOOP
                        EXECUTE format('REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON audit_entries FROM %I', r.grantee);
                    END LOOP;
                END $$;
                """);
            // Organisations read their own entries; the owner (append function, verifier) reads and writes all.
            migrationBuilder.Sql("ALTER TABLE audit_entries ENABLE ROW LEVEL SECURITY;");
            migrationBuilder.Sql("ALTER TABLE audit_entries FORCE ROW LEVEL SECURITY;");
            migrationBuilder.Sql($"CREATE POLICY tenant_read ON audit_entries FOR SELECT USING (organisation_id = {RowLevelSecurity.CurrentOrganisation});");
            migrationBuilder.Sql("CREATE POLICY owner_all ON audit_entries TO CURRENT_USER USING (true) WITH CHECK (true);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS append_audit_entry(uuid, text, text, text, text, text, jsonb);");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS audit_entry_hash(bigint, bytea, uuid, text, text, text, text, timestamptz, text, jsonb);");
            migrationBuilder.DisableTenantIsolation("notifications");
            migrationBuilder.DropTable(
                name: "audit_entries");
        }
    }
}
