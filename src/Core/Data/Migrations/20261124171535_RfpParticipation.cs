using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class RfpParticipation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "reminded_at",
                table: "rfp_deadlines",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "key",
                table: "notifications",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "rfp_invitations",
                columns: table => new
                {
                    rfp_id = table.Column<Guid>(type: "uuid", nullable: false),
                    vendor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    client_organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    invited_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    invited_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rfp_invitations", x => new { x.rfp_id, x.vendor_id });
                    table.ForeignKey(
                        name: "fk_rfp_invitations_organisations_vendor_id",
                        column: x => x.vendor_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_rfp_invitations_rfps_rfp_id",
                        column: x => x.rfp_id,
                        principalTable: "rfps",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "rfp_listings",
                columns: table => new
                {
                    rfp_id = table.Column<Guid>(type: "uuid", nullable: false),
                    client_organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    client_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    visibility = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    question_deadline = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    proposal_deadline = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    cancellation_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rfp_listings", x => x.rfp_id);
                    table.ForeignKey(
                        name: "fk_rfp_listings_rfps_rfp_id",
                        column: x => x.rfp_id,
                        principalTable: "rfps",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "rfp_participants",
                columns: table => new
                {
                    rfp_id = table.Column<Guid>(type: "uuid", nullable: false),
                    vendor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    client_organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    joined_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rfp_participants", x => new { x.rfp_id, x.vendor_id });
                    table.ForeignKey(
                        name: "fk_rfp_participants_organisations_vendor_id",
                        column: x => x.vendor_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_rfp_participants_rfps_rfp_id",
                        column: x => x.rfp_id,
                        principalTable: "rfps",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "rfp_questions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    rfp_id = table.Column<Guid>(type: "uuid", nullable: false),
                    client_organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    vendor_id = table.Column<Guid>(type: "uuid", nullable: true),
                    question = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    answer = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    asked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    answered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rfp_questions", x => x.id);
                    table.ForeignKey(
                        name: "fk_rfp_questions_organisations_vendor_id",
                        column: x => x.vendor_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_rfp_questions_rfps_rfp_id",
                        column: x => x.rfp_id,
                        principalTable: "rfps",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_notifications_organisation_id_key",
                table: "notifications",
                columns: new[] { "organisation_id", "key" },
                unique: true,
                filter: "key IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_rfp_invitations_vendor_id",
                table: "rfp_invitations",
                column: "vendor_id");

            migrationBuilder.CreateIndex(
                name: "ix_rfp_listings_visibility_status",
                table: "rfp_listings",
                columns: new[] { "visibility", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_rfp_participants_vendor_id",
                table: "rfp_participants",
                column: "vendor_id");

            migrationBuilder.CreateIndex(
                name: "ix_rfp_questions_rfp_id_asked_at",
                table: "rfp_questions",
                columns: new[] { "rfp_id", "asked_at" });

            migrationBuilder.CreateIndex(
                name: "ix_rfp_questions_vendor_id",
                table: "rfp_questions",
                column: "vendor_id");

            // Who sees a published RFP, decided once, here: the listing. A vendor reads a version, a match or an
            // answer only through a listing it can see, so an invite-only RFP is invisible (404) to the uninvited.
            var current = RowLevelSecurity.CurrentOrganisation;
            const string listingVisible = "EXISTS (SELECT 1 FROM rfp_listings l WHERE l.rfp_id = {0}.rfp_id)";
            foreach (var table in new[] { "rfp_listings", "rfp_invitations", "rfp_participants", "rfp_questions" })
            {
                migrationBuilder.Sql($"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;");
                migrationBuilder.Sql($"ALTER TABLE {table} FORCE ROW LEVEL SECURITY;");
            }
            migrationBuilder.Sql($"CREATE POLICY client_writes ON rfp_listings USING (client_organisation_id = {current}) WITH CHECK (client_organisation_id = {current});");
            migrationBuilder.Sql($"""
                CREATE POLICY vendor_reads ON rfp_listings FOR SELECT USING ({current} IS NOT NULL AND (visibility = 'public'
                    OR EXISTS (SELECT 1 FROM rfp_invitations i WHERE i.rfp_id = rfp_listings.rfp_id AND i.vendor_id = {current})));
                """);
            migrationBuilder.Sql($"CREATE POLICY client_writes ON rfp_invitations USING (client_organisation_id = {current}) WITH CHECK (client_organisation_id = {current});");
            migrationBuilder.Sql($"CREATE POLICY vendor_reads ON rfp_invitations FOR SELECT USING (vendor_id = {current});");
            // The client counts its participants (reads); a vendor joins an RFP it sees, while it is published.
            migrationBuilder.Sql($"CREATE POLICY client_reads ON rfp_participants FOR SELECT USING (client_organisation_id = {current});");
            migrationBuilder.Sql($"""
                CREATE POLICY vendor_joins ON rfp_participants USING (vendor_id = {current}) WITH CHECK (vendor_id = {current} AND EXISTS (
                    SELECT 1 FROM rfp_listings l WHERE l.rfp_id = rfp_participants.rfp_id
                        AND l.client_organisation_id = rfp_participants.client_organisation_id AND l.status = 'Published'));
                """);
            migrationBuilder.Sql($"CREATE POLICY client_writes ON rfp_questions USING (client_organisation_id = {current}) WITH CHECK (client_organisation_id = {current});");
            migrationBuilder.Sql($"""
                CREATE POLICY vendor_asks ON rfp_questions FOR INSERT WITH CHECK (vendor_id = {current} AND answer IS NULL AND EXISTS (
                    SELECT 1 FROM rfp_listings l WHERE l.rfp_id = rfp_questions.rfp_id
                        AND l.client_organisation_id = rfp_questions.client_organisation_id AND l.status = 'Published'));
                """);
            migrationBuilder.Sql($"CREATE POLICY vendor_reads ON rfp_questions FOR SELECT USING (vendor_id = {current} OR (answered_at IS NOT NULL AND {string.Format(listingVisible, "rfp_questions")}));");
            migrationBuilder.Sql($"CREATE POLICY vendor_reads ON rfp_versions FOR SELECT USING ({string.Format(listingVisible, "rfp_versions")});");
            // A match tells a vendor about an RFP, so it follows the listing too (an uninvited match stays the client's suggestion).
            migrationBuilder.Sql("DROP POLICY vendor_reads ON rfp_matches;");
            migrationBuilder.Sql($"CREATE POLICY vendor_reads ON rfp_matches FOR SELECT USING (vendor_id = {current} AND {string.Format(listingVisible, "rfp_matches")});");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP POLICY vendor_reads ON rfp_matches;");
            migrationBuilder.Sql($"CREATE POLICY vendor_reads ON rfp_matches FOR SELECT USING (vendor_id = {RowLevelSecurity.CurrentOrganisation});");
            migrationBuilder.Sql("DROP POLICY vendor_reads ON rfp_versions;");
            migrationBuilder.DropTable(
                name: "rfp_invitations");

            migrationBuilder.DropTable(
                name: "rfp_listings");

            migrationBuilder.DropTable(
                name: "rfp_participants");

            migrationBuilder.DropTable(
                name: "rfp_questions");

            migrationBuilder.DropIndex(
                name: "ix_notifications_organisation_id_key",
                table: "notifications");

            migrationBuilder.DropColumn(
                name: "reminded_at",
                table: "rfp_deadlines");

            migrationBuilder.DropColumn(
                name: "key",
                table: "notifications");
        }
    }
}
