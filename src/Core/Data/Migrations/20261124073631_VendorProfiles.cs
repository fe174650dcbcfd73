using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class VendorProfiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "vendor_profiles",
                columns: table => new
                {
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    slug = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    summary = table.Column<string>(type: "text", nullable: true),
                    summary_en = table.Column<string>(type: "text", nullable: true),
                    service_ids = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    industries = table.Column<string[]>(type: "text[]", nullable: false),
                    client_sizes = table.Column<string[]>(type: "text[]", nullable: false),
                    staff_count = table.Column<int>(type: "integer", nullable: true),
                    backup_structure = table.Column<string>(type: "text", nullable: true),
                    contact_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    contact_email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    has_bcp = table.Column<bool>(type: "boolean", nullable: true),
                    backup_sites = table.Column<string>(type: "text", nullable: true),
                    recovery_time_objective_hours = table.Column<int>(type: "integer", nullable: true),
                    last_drill_on = table.Column<DateOnly>(type: "date", nullable: true),
                    access_control = table.Column<string>(type: "text", nullable: true),
                    audit_logging = table.Column<string>(type: "text", nullable: true),
                    subcontracting_policy = table.Column<string>(type: "text", nullable: true),
                    incident_response = table.Column<string>(type: "text", nullable: true),
                    initial_fee_yen = table.Column<long>(type: "bigint", nullable: true),
                    monthly_base_yen = table.Column<long>(type: "bigint", nullable: true),
                    extra_charge_conditions = table.Column<string[]>(type: "text[]", nullable: false),
                    standard_inclusions = table.Column<string[]>(type: "text[]", nullable: false),
                    regions = table.Column<string[]>(type: "text[]", nullable: false),
                    languages = table.Column<string[]>(type: "text[]", nullable: false),
                    capacity_fte = table.Column<int>(type: "integer", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    case_studies = table.Column<string>(type: "jsonb", nullable: true),
                    unit_prices = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_vendor_profiles", x => x.organisation_id);
                    table.ForeignKey(
                        name: "fk_vendor_profiles_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_vendor_profiles_languages",
                table: "vendor_profiles",
                column: "languages")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_vendor_profiles_regions",
                table: "vendor_profiles",
                column: "regions")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_vendor_profiles_service_ids",
                table: "vendor_profiles",
                column: "service_ids")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_vendor_profiles_slug",
                table: "vendor_profiles",
                column: "slug",
                unique: true);

            // Everyone reads vendor profiles; only the vendor's own organisation writes its row.
            migrationBuilder.EnablePublicReadTenantWrite("vendor_profiles");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DisablePublicReadTenantWrite("vendor_profiles");
            migrationBuilder.DropTable(
                name: "vendor_profiles");
        }
    }
}
