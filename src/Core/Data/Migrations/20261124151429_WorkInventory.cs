using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class WorkInventory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "work_tasks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    department = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    frequency = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    hours_per_month = table.Column<decimal>(type: "numeric(7,1)", precision: 7, scale: 1, nullable: false),
                    monthly_volume = table.Column<int>(type: "integer", nullable: true),
                    volume_unit = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    expertise = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    substitutability = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    current_owner = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    check_yes = table.Column<string[]>(type: "text[]", nullable: false),
                    checked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_work_tasks", x => x.id);
                    table.ForeignKey(
                        name: "fk_work_tasks_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_work_tasks_organisation_id_created_at",
                table: "work_tasks",
                columns: new[] { "organisation_id", "created_at" });

            // A client's work inventory is its own: row-level security like every tenant-owned table.
            migrationBuilder.EnableTenantIsolation("work_tasks");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DisableTenantIsolation("work_tasks");
            migrationBuilder.DropTable(
                name: "work_tasks");
        }
    }
}
