using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class Proposals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "proposals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    rfp_id = table.Column<Guid>(type: "uuid", nullable: false),
                    vendor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    client_organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    content = table.Column<string>(type: "jsonb", nullable: false),
                    submitted_version = table.Column<int>(type: "integer", nullable: false),
                    rfp_version = table.Column<int>(type: "integer", nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    withdrawn_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_proposals", x => x.id);
                    table.ForeignKey(
                        name: "fk_proposals_rfps_rfp_id",
                        column: x => x.rfp_id,
                        principalTable: "rfps",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "proposal_versions",
                columns: table => new
                {
                    proposal_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    rfp_id = table.Column<Guid>(type: "uuid", nullable: false),
                    vendor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    client_organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    rfp_version = table.Column<int>(type: "integer", nullable: false),
                    content = table.Column<string>(type: "jsonb", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_proposal_versions", x => new { x.proposal_id, x.number });
                    table.ForeignKey(
                        name: "fk_proposal_versions_proposals_proposal_id",
                        column: x => x.proposal_id,
                        principalTable: "proposals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_proposals_rfp_id_vendor_id",
                table: "proposals",
                columns: new[] { "rfp_id", "vendor_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_proposals_vendor_id_updated_at",
                table: "proposals",
                columns: new[] { "vendor_id", "updated_at" });

            // Sealed until the proposal deadline (decision 0014). The vendor reads its own proposal and writes it only
            // while the RFP takes proposals; the client reads submitted proposals only once the deadline has passed,
            // and before that only their number, through submitted_proposal_count. No policy names the platform
            // operator: no organisation but these two ever reads a proposal through the application's role.
            var current = RowLevelSecurity.CurrentOrganisation;
            const string takesProposals = """
                EXISTS (SELECT 1 FROM rfp_listings l WHERE l.rfp_id = {0}.rfp_id AND l.client_organisation_id = {0}.client_organisation_id
                    AND l.status = 'Published' AND l.proposal_deadline > now())
                """;
            const string deadlinePassed = """
                EXISTS (SELECT 1 FROM rfp_listings l WHERE l.rfp_id = {0}.rfp_id AND l.client_organisation_id = {0}.client_organisation_id
                    AND l.proposal_deadline <= now())
                """;
            foreach (var table in new[] { "proposals", "proposal_versions" })
            {
                migrationBuilder.Sql($"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;");
                migrationBuilder.Sql($"ALTER TABLE {table} FORCE ROW LEVEL SECURITY;");
                migrationBuilder.Sql($"CREATE POLICY vendor_reads ON {table} FOR SELECT USING (vendor_id = {current});");
                migrationBuilder.Sql($"CREATE POLICY vendor_adds ON {table} FOR INSERT WITH CHECK (vendor_id = {current} AND {string.Format(takesProposals, table)});");
            }
            migrationBuilder.Sql($"CREATE POLICY vendor_changes ON proposals FOR UPDATE USING (vendor_id = {current}) WITH CHECK (vendor_id = {current} AND {string.Format(takesProposals, "proposals")});");
            migrationBuilder.Sql($"CREATE POLICY client_reads ON proposals FOR SELECT USING (client_organisation_id = {current} AND status = 'Submitted' AND {string.Format(deadlinePassed, "proposals")});");
            // A version follows its proposal: the client reads it only when it reads the proposal (the rule above).
            migrationBuilder.Sql($"CREATE POLICY client_reads ON proposal_versions FOR SELECT USING (client_organisation_id = {current} AND EXISTS (SELECT 1 FROM proposals p WHERE p.id = proposal_versions.proposal_id));");
            // Submitted versions are a record: nobody but the owner changes or deletes one; proposals are withdrawn, not deleted.
            migrationBuilder.Sql("""
                DO $$ DECLARE r record; BEGIN
                    FOR r IN SELECT DISTINCT grantee, table_name FROM information_schema.role_table_grants
                             WHERE table_name IN ('proposals', 'proposal_versions') AND grantee <> current_user LOOP
                        EXECUTE format('REVOKE DELETE, TRUNCATE ON %I FROM %I', r.table_name, r.grantee);
                        IF r.table_name = 'proposal_versions' THEN EXECUTE format('REVOKE UPDATE ON %I FROM %I', r.table_name, r.grantee); END IF;
                    END LOOP;
                END $$;
                """);
            // The count the client may see before the deadline: a function that runs as the owner, which alone may count
            // every proposal, and returns only a number for the caller's own RFPs.
            migrationBuilder.Sql("CREATE POLICY owner_counts ON proposals FOR SELECT TO CURRENT_USER USING (true);");
            migrationBuilder.Sql($"""
                CREATE FUNCTION submitted_proposal_count(p_rfp_id uuid) RETURNS integer
                LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
                    SELECT count(*)::integer FROM proposals
                    WHERE rfp_id = p_rfp_id AND status = 'Submitted' AND client_organisation_id = {current}
                $$;
                REVOKE ALL ON FUNCTION submitted_proposal_count(uuid) FROM PUBLIC;
                """);
            migrationBuilder.Sql("""
                DO $$ DECLARE r record; BEGIN
                    FOR r IN SELECT DISTINCT grantee FROM information_schema.role_table_grants
                             WHERE table_name = 'proposals' AND grantee <> current_user LOOP
                        EXECUTE format('GRANT EXECUTE ON FUNCTION submitted_proposal_count(uuid) TO %I', r.grantee);
                    END LOOP;
                END $$;
                """);
            // The seal hangs on the listing's deadline, which its client writes: a deadline that has passed never moves,
            // none moves into the past, and a listing is never deleted, so proposals cannot be opened early by a write.
            migrationBuilder.Sql("""
                CREATE FUNCTION rfp_listings_keep_deadline() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.rfp_id <> OLD.rfp_id OR NEW.client_organisation_id <> OLD.client_organisation_id THEN
                        RAISE EXCEPTION 'A listing stays with its RFP and client.' USING ERRCODE = 'check_violation';
                    END IF;
                    IF NEW.proposal_deadline IS DISTINCT FROM OLD.proposal_deadline
                       AND (OLD.proposal_deadline <= now() OR NEW.proposal_deadline IS NULL OR NEW.proposal_deadline <= now()) THEN
                        RAISE EXCEPTION 'A proposal deadline that has passed does not move, and none moves into the past.' USING ERRCODE = 'check_violation';
                    END IF;
                    RETURN NEW;
                END $$;
                CREATE TRIGGER rfp_listings_keep_deadline BEFORE UPDATE ON rfp_listings FOR EACH ROW EXECUTE FUNCTION rfp_listings_keep_deadline();
                DO $$ DECLARE r record; BEGIN
                    FOR r IN SELECT DISTINCT grantee FROM information_schema.role_table_grants
                             WHERE table_name = 'rfp_listings' AND grantee <> current_user LOOP
                        EXECUTE format('REVOKE DELETE, TRUNCATE ON rfp_listings FROM %I', r.grantee);
                    END LOOP;
                END $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER rfp_listings_keep_deadline ON rfp_listings;
                DROP FUNCTION rfp_listings_keep_deadline();
                DROP FUNCTION submitted_proposal_count(uuid);
                """);
            migrationBuilder.DropTable(
                name: "proposal_versions");

            migrationBuilder.DropTable(
                name: "proposals");
        }
    }
}
