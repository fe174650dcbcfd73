using System;
using Marketplace.Core.Data;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class Evaluations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "rfp_evaluations",
                columns: table => new
                {
                    rfp_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    blind = table.Column<bool>(type: "boolean", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rfp_evaluations", x => x.rfp_id);
                    table.ForeignKey(
                        name: "fk_rfp_evaluations_rfps_rfp_id",
                        column: x => x.rfp_id,
                        principalTable: "rfps",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "consensus_scores",
                columns: table => new
                {
                    rfp_id = table.Column<Guid>(type: "uuid", nullable: false),
                    proposal_id = table.Column<Guid>(type: "uuid", nullable: false),
                    axis = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    score = table.Column<int>(type: "integer", nullable: false),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    recorded_by = table.Column<Guid>(type: "uuid", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_consensus_scores", x => new { x.rfp_id, x.proposal_id, x.axis });
                    table.CheckConstraint("ck_consensus_scores_score", "score BETWEEN 1 AND 5");
                    table.ForeignKey(
                        name: "fk_consensus_scores_proposals_proposal_id",
                        column: x => x.proposal_id,
                        principalTable: "proposals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_consensus_scores_rfp_evaluations_rfp_id",
                        column: x => x.rfp_id,
                        principalTable: "rfp_evaluations",
                        principalColumn: "rfp_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "rfp_evaluators",
                columns: table => new
                {
                    rfp_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    assigned_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rfp_evaluators", x => new { x.rfp_id, x.user_id });
                    table.ForeignKey(
                        name: "fk_rfp_evaluators_rfp_evaluations_rfp_id",
                        column: x => x.rfp_id,
                        principalTable: "rfp_evaluations",
                        principalColumn: "rfp_id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_rfp_evaluators_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "evaluation_scores",
                columns: table => new
                {
                    rfp_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    proposal_id = table.Column<Guid>(type: "uuid", nullable: false),
                    axis = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    score = table.Column<int>(type: "integer", nullable: false),
                    comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_evaluation_scores", x => new { x.rfp_id, x.user_id, x.proposal_id, x.axis });
                    table.CheckConstraint("ck_evaluation_scores_score", "score BETWEEN 1 AND 5");
                    table.ForeignKey(
                        name: "fk_evaluation_scores_proposals_proposal_id",
                        column: x => x.proposal_id,
                        principalTable: "proposals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_evaluation_scores_rfp_evaluators_rfp_id_user_id",
                        columns: x => new { x.rfp_id, x.user_id },
                        principalTable: "rfp_evaluators",
                        principalColumns: new[] { "rfp_id", "user_id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_consensus_scores_proposal_id",
                table: "consensus_scores",
                column: "proposal_id");

            migrationBuilder.CreateIndex(
                name: "ix_evaluation_scores_proposal_id",
                table: "evaluation_scores",
                column: "proposal_id");

            migrationBuilder.CreateIndex(
                name: "ix_rfp_evaluators_user_id",
                table: "rfp_evaluators",
                column: "user_id");

            foreach (var table in new[] { "rfp_evaluations", "rfp_evaluators", "evaluation_scores", "consensus_scores" })
                migrationBuilder.EnableTenantIsolation(table);
            // Independent scoring (decision 0015): an evaluator who has not submitted a scorecard reads only their own
            // scores, whatever the Api asks; restrictive, so it narrows the tenant policy instead of widening it.
            migrationBuilder.Sql($"""
                CREATE POLICY own_until_submitted ON evaluation_scores AS RESTRICTIVE FOR SELECT USING (
                    user_id = {RowLevelSecurity.CurrentUser}
                    OR NOT EXISTS (SELECT 1 FROM rfp_evaluators e WHERE e.rfp_id = evaluation_scores.rfp_id
                                   AND e.user_id = {RowLevelSecurity.CurrentUser} AND e.submitted_at IS NULL));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "consensus_scores");

            migrationBuilder.DropTable(
                name: "evaluation_scores");

            migrationBuilder.DropTable(
                name: "rfp_evaluators");

            migrationBuilder.DropTable(
                name: "rfp_evaluations");
        }
    }
}
