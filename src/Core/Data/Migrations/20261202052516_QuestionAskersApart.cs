using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class QuestionAskersApart : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Who asked a question moves off the question row, which every vendor reads once it is answered and the
            // client reads at once: the asker's id there told vendors who else takes part, and the client the same
            // before the proposals open (domain.md). rfp_question_askers is read by the asker, by the client only after
            // the proposal deadline, and by no other vendor.
            var current = Marketplace.Core.Data.RowLevelSecurity.CurrentOrganisation;
            migrationBuilder.Sql("DROP POLICY vendor_asks ON rfp_questions;");
            migrationBuilder.Sql("DROP POLICY vendor_reads ON rfp_questions;");

            migrationBuilder.CreateTable(
                name: "rfp_question_askers",
                columns: table => new
                {
                    question_id = table.Column<Guid>(type: "uuid", nullable: false),
                    rfp_id = table.Column<Guid>(type: "uuid", nullable: false),
                    client_organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    vendor_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rfp_question_askers", x => x.question_id);
                    table.ForeignKey(
                        name: "fk_rfp_question_askers_organisations_vendor_id",
                        column: x => x.vendor_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_rfp_question_askers_rfp_questions_question_id",
                        column: x => x.question_id,
                        principalTable: "rfp_questions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_rfp_question_askers_rfp_id_vendor_id",
                table: "rfp_question_askers",
                columns: new[] { "rfp_id", "vendor_id" });

            migrationBuilder.CreateIndex(
                name: "ix_rfp_question_askers_vendor_id",
                table: "rfp_question_askers",
                column: "vendor_id");

            // The askers of today's questions, copied over (row-level security is lifted for the copy only).
            migrationBuilder.Sql("""
                ALTER TABLE rfp_questions NO FORCE ROW LEVEL SECURITY;
                INSERT INTO rfp_question_askers (question_id, rfp_id, client_organisation_id, vendor_id)
                    SELECT id, rfp_id, client_organisation_id, vendor_id FROM rfp_questions WHERE vendor_id IS NOT NULL;
                ALTER TABLE rfp_questions FORCE ROW LEVEL SECURITY;
                """);

            migrationBuilder.DropForeignKey(
                name: "fk_rfp_questions_organisations_vendor_id",
                table: "rfp_questions");

            migrationBuilder.DropIndex(
                name: "ix_rfp_questions_vendor_id",
                table: "rfp_questions");

            migrationBuilder.DropColumn(
                name: "vendor_id",
                table: "rfp_questions");

            // A participant asks while the RFP is published; it reads the questions it asked and every answered one of an
            // RFP it sees. The question row no longer says who asked: the asker row does, written with it.
            const string participates = """
                EXISTS (SELECT 1 FROM rfp_participants p WHERE p.rfp_id = {0}.rfp_id AND p.vendor_id = {1})
                AND EXISTS (SELECT 1 FROM rfp_listings l WHERE l.rfp_id = {0}.rfp_id AND l.client_organisation_id = {0}.client_organisation_id AND l.status = 'Published')
                """;
            migrationBuilder.Sql($"CREATE POLICY vendor_asks ON rfp_questions FOR INSERT WITH CHECK (answer IS NULL AND answered_at IS NULL AND {string.Format(participates, "rfp_questions", current)});");
            migrationBuilder.Sql($"""
                CREATE POLICY vendor_reads ON rfp_questions FOR SELECT USING (
                    EXISTS (SELECT 1 FROM rfp_question_askers a WHERE a.question_id = rfp_questions.id AND a.vendor_id = {current})
                    OR (answered_at IS NOT NULL AND EXISTS (SELECT 1 FROM rfp_listings l WHERE l.rfp_id = rfp_questions.rfp_id)));
                """);

            migrationBuilder.Sql("ALTER TABLE rfp_question_askers ENABLE ROW LEVEL SECURITY;");
            migrationBuilder.Sql("ALTER TABLE rfp_question_askers FORCE ROW LEVEL SECURITY;");
            migrationBuilder.Sql($"CREATE POLICY vendor_reads ON rfp_question_askers FOR SELECT USING (vendor_id = {current});");
            migrationBuilder.Sql($"CREATE POLICY vendor_asks ON rfp_question_askers FOR INSERT WITH CHECK (vendor_id = {current} AND {string.Format(participates, "rfp_question_askers", current)});");
            migrationBuilder.Sql($"""
                CREATE POLICY client_reads ON rfp_question_askers FOR SELECT USING (client_organisation_id = {current} AND EXISTS (
                    SELECT 1 FROM rfp_listings l WHERE l.rfp_id = rfp_question_askers.rfp_id
                        AND l.client_organisation_id = rfp_question_askers.client_organisation_id AND l.proposal_deadline <= now()));
                """);
            // Who asked is a record: nobody changes or removes it (it goes only with its question).
            migrationBuilder.Sql("""
                DO $$ DECLARE r record; BEGIN
                    FOR r IN SELECT DISTINCT grantee FROM information_schema.role_table_grants
                             WHERE table_name = 'rfp_question_askers' AND grantee <> current_user LOOP
                        EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON rfp_question_askers FROM %I', r.grantee);
                    END LOOP;
                END $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            var current = Marketplace.Core.Data.RowLevelSecurity.CurrentOrganisation;
            migrationBuilder.Sql("DROP POLICY vendor_asks ON rfp_questions;");
            migrationBuilder.Sql("DROP POLICY vendor_reads ON rfp_questions;");

            migrationBuilder.AddColumn<Guid>(
                name: "vendor_id",
                table: "rfp_questions",
                type: "uuid",
                nullable: true);

            migrationBuilder.Sql("""
                ALTER TABLE rfp_questions NO FORCE ROW LEVEL SECURITY;
                ALTER TABLE rfp_question_askers NO FORCE ROW LEVEL SECURITY;
                UPDATE rfp_questions q SET vendor_id = a.vendor_id FROM rfp_question_askers a WHERE a.question_id = q.id;
                ALTER TABLE rfp_questions FORCE ROW LEVEL SECURITY;
                """);

            migrationBuilder.DropTable(
                name: "rfp_question_askers");

            migrationBuilder.CreateIndex(
                name: "ix_rfp_questions_vendor_id",
                table: "rfp_questions",
                column: "vendor_id");

            migrationBuilder.AddForeignKey(
                name: "fk_rfp_questions_organisations_vendor_id",
                table: "rfp_questions",
                column: "vendor_id",
                principalTable: "organisations",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.Sql($"""
                CREATE POLICY vendor_asks ON rfp_questions FOR INSERT WITH CHECK (vendor_id = {current} AND answer IS NULL AND EXISTS (
                    SELECT 1 FROM rfp_listings l WHERE l.rfp_id = rfp_questions.rfp_id
                        AND l.client_organisation_id = rfp_questions.client_organisation_id AND l.status = 'Published'));
                """);
            migrationBuilder.Sql($"CREATE POLICY vendor_reads ON rfp_questions FOR SELECT USING (vendor_id = {current} OR (answered_at IS NOT NULL AND EXISTS (SELECT 1 FROM rfp_listings l WHERE l.rfp_id = rfp_questions.rfp_id)));");
        }
    }
}
