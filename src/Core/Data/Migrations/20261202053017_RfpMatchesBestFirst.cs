using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class RfpMatchesBestFirst : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_rfp_matches_rfp_id_score_vendor_id",
                table: "rfp_matches",
                columns: new[] { "rfp_id", "score", "vendor_id" },
                descending: new[] { false, true, false });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_rfp_matches_rfp_id_score_vendor_id",
                table: "rfp_matches");
        }
    }
}
