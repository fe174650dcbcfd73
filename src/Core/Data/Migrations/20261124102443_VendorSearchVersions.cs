using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class VendorSearchVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "listed",
                table: "vendor_search_entries",
                type: "boolean",
                nullable: false,
                defaultValue: true); // every row written before this migration was a listed vendor

            migrationBuilder.AddColumn<long>(
                name: "version",
                table: "vendor_search_entries",
                type: "bigint",
                nullable: false,
                defaultValue: 1L); // the rows written before this migration; see below

            migrationBuilder.CreateTable(
                name: "vendor_search_state",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_vendor_search_state", x => x.id);
                });

            // Search processes start from version 0 and read every row with a later one, so the existing rows got version 1
            // through the column's default (an UPDATE would pass through row-level security and change nothing); new
            // rows always carry their save's version.
            migrationBuilder.Sql("ALTER TABLE vendor_search_entries ALTER COLUMN version SET DEFAULT 0;");
            migrationBuilder.InsertData(
                table: "vendor_search_state",
                columns: new[] { "id", "version" },
                values: new object[] { 1, 0L });
            migrationBuilder.Sql("UPDATE vendor_search_state SET version = 1;"); // the rows above carry version 1

            migrationBuilder.CreateIndex(
                name: "ix_vendor_search_entries_version",
                table: "vendor_search_entries",
                column: "version");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "vendor_search_state");

            migrationBuilder.DropIndex(
                name: "ix_vendor_search_entries_version",
                table: "vendor_search_entries");

            migrationBuilder.DropColumn(
                name: "listed",
                table: "vendor_search_entries");

            migrationBuilder.DropColumn(
                name: "version",
                table: "vendor_search_entries");
        }
    }
}
