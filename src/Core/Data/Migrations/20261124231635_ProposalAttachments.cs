using System;
using Marketplace.Core.Data;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class ProposalAttachments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "proposal_attachments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    proposal_id = table.Column<Guid>(type: "uuid", nullable: false),
                    rfp_id = table.Column<Guid>(type: "uuid", nullable: false),
                    vendor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    client_organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    file_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    size = table.Column<long>(type: "bigint", nullable: false),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_proposal_attachments", x => x.id);
                    table.ForeignKey(
                        name: "fk_proposal_attachments_proposals_proposal_id",
                        column: x => x.proposal_id,
                        principalTable: "proposals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_proposal_attachments_proposal_id",
                table: "proposal_attachments",
                column: "proposal_id");

            // Sealed with the proposal (decision 0014): the vendor adds and removes files only while proposals are
            // accepted; the client reads a file only when it reads its proposal (submitted, after the deadline).
            var current = RowLevelSecurity.CurrentOrganisation;
            const string takesProposals = """
                EXISTS (SELECT 1 FROM rfp_listings l WHERE l.rfp_id = proposal_attachments.rfp_id
                    AND l.client_organisation_id = proposal_attachments.client_organisation_id
                    AND l.status = 'Published' AND l.proposal_deadline > now())
                """;
            migrationBuilder.Sql("ALTER TABLE proposal_attachments ENABLE ROW LEVEL SECURITY;");
            migrationBuilder.Sql("ALTER TABLE proposal_attachments FORCE ROW LEVEL SECURITY;");
            migrationBuilder.Sql($"CREATE POLICY vendor_reads ON proposal_attachments FOR SELECT USING (vendor_id = {current});");
            migrationBuilder.Sql($"CREATE POLICY vendor_adds ON proposal_attachments FOR INSERT WITH CHECK (vendor_id = {current} AND {takesProposals});");
            migrationBuilder.Sql($"CREATE POLICY vendor_removes ON proposal_attachments FOR DELETE USING (vendor_id = {current} AND {takesProposals});");
            migrationBuilder.Sql($"CREATE POLICY client_reads ON proposal_attachments FOR SELECT USING (client_organisation_id = {current} AND EXISTS (SELECT 1 FROM proposals p WHERE p.id = proposal_attachments.proposal_id));");
            migrationBuilder.Sql("""
                DO $$ DECLARE r record; BEGIN
                    FOR r IN SELECT DISTINCT grantee FROM information_schema.role_table_grants
                             WHERE table_name = 'proposal_attachments' AND grantee <> current_user LOOP
                        EXECUTE format('REVOKE UPDATE, TRUNCATE ON proposal_attachments FROM %I', r.grantee);
                    END LOOP;
                END $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "proposal_attachments");
        }
    }
}
