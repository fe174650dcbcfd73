using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class MatchFactsOnSearchEntries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string[]>(
                name: "client_sizes",
                table: "vendor_search_entries",
                type: "text[]",
                nullable: false,
                defaultValue: new string[0]);

            migrationBuilder.AddColumn<string[]>(
                name: "industries",
                table: "vendor_search_entries",
                type: "text[]",
                nullable: false,
                defaultValue: new string[0]);

            migrationBuilder.AddColumn<string>(
                name: "unit_prices",
                table: "vendor_search_entries",
                type: "jsonb",
                nullable: false,
                defaultValue: "[]");

            // Existing entries take the facts from their profiles (new writes fill them in VendorSearchIndex).
            migrationBuilder.Sql("""
                UPDATE vendor_search_entries e
                SET industries = p.industries, client_sizes = p.client_sizes, unit_prices = COALESCE(p.unit_prices, '[]'::jsonb)
                FROM vendor_profiles p WHERE p.organisation_id = e.organisation_id
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "client_sizes",
                table: "vendor_search_entries");

            migrationBuilder.DropColumn(
                name: "industries",
                table: "vendor_search_entries");

            migrationBuilder.DropColumn(
                name: "unit_prices",
                table: "vendor_search_entries");
        }
    }
}
