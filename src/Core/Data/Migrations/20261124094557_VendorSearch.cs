using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace Marketplace.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class VendorSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "vendor_search_entries",
                columns: table => new
                {
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    slug = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    type_codes = table.Column<string[]>(type: "text[]", nullable: false),
                    service_ids = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    regions = table.Column<string[]>(type: "text[]", nullable: false),
                    languages = table.Column<string[]>(type: "text[]", nullable: false),
                    has_bcp = table.Column<bool>(type: "boolean", nullable: false),
                    capacity_fte = table.Column<int>(type: "integer", nullable: true),
                    monthly_base_yen = table.Column<long>(type: "bigint", nullable: true),
                    certification_valid_to = table.Column<DateOnly?[]>(type: "date[]", nullable: false),
                    verified_certification_valid_to = table.Column<DateOnly?[]>(type: "date[]", nullable: false),
                    profile_sections = table.Column<int>(type: "integer", nullable: false),
                    document = table.Column<NpgsqlTsVector>(type: "tsvector", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_vendor_search_entries", x => x.organisation_id);
                    table.ForeignKey(
                        name: "fk_vendor_search_entries_vendor_profiles_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "vendor_profiles",
                        principalColumn: "organisation_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_vendor_search_entries_document",
                table: "vendor_search_entries",
                column: "document")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_vendor_search_entries_monthly_base_yen_organisation_id",
                table: "vendor_search_entries",
                columns: new[] { "monthly_base_yen", "organisation_id" });

            migrationBuilder.CreateIndex(
                name: "ix_vendor_search_entries_profile_sections_organisation_id",
                table: "vendor_search_entries",
                columns: new[] { "profile_sections", "organisation_id" });

            migrationBuilder.CreateIndex(
                name: "ix_vendor_search_entries_regions",
                table: "vendor_search_entries",
                column: "regions")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_vendor_search_entries_service_ids",
                table: "vendor_search_entries",
                column: "service_ids")
                .Annotation("Npgsql:IndexMethod", "gin");

            // Public read (the marketplace), written only by the vendor's own scope; see decision record 0006.
            migrationBuilder.EnablePublicReadTenantWrite("vendor_search_entries");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DisablePublicReadTenantWrite("vendor_search_entries");
            migrationBuilder.DropTable(
                name: "vendor_search_entries");
        }
    }
}
