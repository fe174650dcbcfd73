using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class RfpDeadlines : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "rfp_deadlines",
                columns: table => new
                {
                    rfp_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    proposal_deadline = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rfp_deadlines", x => x.rfp_id);
                    table.ForeignKey(
                        name: "fk_rfp_deadlines_rfps_rfp_id",
                        column: x => x.rfp_id,
                        principalTable: "rfps",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_rfp_deadlines_proposal_deadline",
                table: "rfp_deadlines",
                column: "proposal_deadline");

            // Only ids and a time: every connection reads it (the Workers find what is due); only the RFP's organisation writes it.
            migrationBuilder.EnablePublicReadTenantWrite("rfp_deadlines");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DisablePublicReadTenantWrite("rfp_deadlines");
            migrationBuilder.DropTable(
                name: "rfp_deadlines");
        }
    }
}
