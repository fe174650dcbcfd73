using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class RfpMatches : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "rfp_matches",
                columns: table => new
                {
                    rfp_id = table.Column<Guid>(type: "uuid", nullable: false),
                    vendor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    client_organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    score = table.Column<int>(type: "integer", nullable: false),
                    reasons = table.Column<string>(type: "jsonb", nullable: false),
                    matched_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rfp_matches", x => new { x.rfp_id, x.vendor_id });
                    table.ForeignKey(
                        name: "fk_rfp_matches_rfps_rfp_id",
                        column: x => x.rfp_id,
                        principalTable: "rfps",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_rfp_matches_vendor_id_matched_at",
                table: "rfp_matches",
                columns: new[] { "vendor_id", "matched_at" });

            // Two parties read a match: the client that wrote the RFP and the vendor it matched; only the client writes.
            migrationBuilder.Sql("ALTER TABLE rfp_matches ENABLE ROW LEVEL SECURITY;");
            migrationBuilder.Sql("ALTER TABLE rfp_matches FORCE ROW LEVEL SECURITY;");
            migrationBuilder.Sql($"CREATE POLICY client_writes ON rfp_matches USING (client_organisation_id = {RowLevelSecurity.CurrentOrganisation}) WITH CHECK (client_organisation_id = {RowLevelSecurity.CurrentOrganisation});");
            migrationBuilder.Sql($"CREATE POLICY vendor_reads ON rfp_matches FOR SELECT USING (vendor_id = {RowLevelSecurity.CurrentOrganisation});");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP POLICY IF EXISTS vendor_reads ON rfp_matches;");
            migrationBuilder.Sql("DROP POLICY IF EXISTS client_writes ON rfp_matches;");
            migrationBuilder.DropTable(
                name: "rfp_matches");
        }
    }
}
