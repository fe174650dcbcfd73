using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class AwardApprovedByAnother : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddCheckConstraint(
                name: "ck_rfp_awards_approved_by_another",
                table: "rfp_awards",
                sql: "status <> 'Approved' OR (decided_by IS NOT NULL AND decided_by <> proposed_by)");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_rfp_awards_approved_by_another",
                table: "rfp_awards");
        }
    }
}
