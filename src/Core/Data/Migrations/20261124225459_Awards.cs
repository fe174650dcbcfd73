using System;
using Marketplace.Core.Data;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class Awards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "rfp_awards",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    rfp_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    proposal_id = table.Column<Guid>(type: "uuid", nullable: false),
                    vendor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    vendor_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    proposed_by = table.Column<Guid>(type: "uuid", nullable: false),
                    proposed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    decided_by = table.Column<Guid>(type: "uuid", nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    decision_comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rfp_awards", x => x.id);
                    table.ForeignKey(
                        name: "fk_rfp_awards_proposals_proposal_id",
                        column: x => x.proposal_id,
                        principalTable: "proposals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_rfp_awards_rfps_rfp_id",
                        column: x => x.rfp_id,
                        principalTable: "rfps",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "contracts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    rfp_id = table.Column<Guid>(type: "uuid", nullable: false),
                    client_organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    vendor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    vendor_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    award_id = table.Column<Guid>(type: "uuid", nullable: false),
                    proposal_id = table.Column<Guid>(type: "uuid", nullable: false),
                    proposal_version = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    fees = table.Column<string>(type: "jsonb", nullable: false),
                    kpis = table.Column<string>(type: "jsonb", nullable: false),
                    starts_on = table.Column<DateOnly>(type: "date", nullable: false),
                    term_months = table.Column<int>(type: "integer", nullable: false),
                    total_yen = table.Column<long>(type: "bigint", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contracts", x => x.id);
                    table.ForeignKey(
                        name: "fk_contracts_rfp_awards_award_id",
                        column: x => x.award_id,
                        principalTable: "rfp_awards",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "kpi_reviews",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    contract_id = table.Column<Guid>(type: "uuid", nullable: false),
                    client_organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    vendor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    actuals = table.Column<string>(type: "jsonb", nullable: false),
                    comment = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    issues = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    improvement_actions = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    recorded_by = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kpi_reviews", x => x.id);
                    table.ForeignKey(
                        name: "fk_kpi_reviews_contracts_contract_id",
                        column: x => x.contract_id,
                        principalTable: "contracts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_contracts_award_id",
                table: "contracts",
                column: "award_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_contracts_client_organisation_id",
                table: "contracts",
                column: "client_organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_contracts_rfp_id",
                table: "contracts",
                column: "rfp_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_contracts_vendor_id",
                table: "contracts",
                column: "vendor_id");

            migrationBuilder.CreateIndex(
                name: "ix_kpi_reviews_contract_id_month",
                table: "kpi_reviews",
                columns: new[] { "contract_id", "month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_rfp_awards_proposal_id",
                table: "rfp_awards",
                column: "proposal_id");

            migrationBuilder.CreateIndex(
                name: "ix_rfp_awards_rfp_id",
                table: "rfp_awards",
                column: "rfp_id",
                unique: true,
                filter: "status IN ('Proposed', 'Approved')");

            migrationBuilder.CreateIndex(
                name: "ix_rfp_awards_rfp_id_proposed_at",
                table: "rfp_awards",
                columns: new[] { "rfp_id", "proposed_at" });

            migrationBuilder.EnableTenantIsolation("rfp_awards");
            // The contract and its KPI reviews have two parties: the client writes them, the vendor reads them.
            var current = RowLevelSecurity.CurrentOrganisation;
            foreach (var table in new[] { "contracts", "kpi_reviews" })
            {
                migrationBuilder.Sql($"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;");
                migrationBuilder.Sql($"ALTER TABLE {table} FORCE ROW LEVEL SECURITY;");
                migrationBuilder.Sql($"CREATE POLICY client_writes ON {table} USING (client_organisation_id = {current}) WITH CHECK (client_organisation_id = {current});");
                migrationBuilder.Sql($"CREATE POLICY vendor_reads ON {table} FOR SELECT USING (vendor_id = {current});");
            }
            // An award is a record: decided ones are not deleted, and a contract is not deleted by the application.
            migrationBuilder.Sql("""
                DO $$ DECLARE r record; BEGIN
                    FOR r IN SELECT DISTINCT grantee, table_name FROM information_schema.role_table_grants
                             WHERE table_name IN ('rfp_awards', 'contracts') AND grantee <> current_user LOOP
                        EXECUTE format('REVOKE DELETE, TRUNCATE ON %I FROM %I', r.table_name, r.grantee);
                    END LOOP;
                END $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "kpi_reviews");

            migrationBuilder.DropTable(
                name: "contracts");

            migrationBuilder.DropTable(
                name: "rfp_awards");
        }
    }
}
