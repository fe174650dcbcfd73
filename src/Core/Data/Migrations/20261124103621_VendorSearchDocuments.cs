using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;
using Marketplace.Core.Data;

#nullable disable

namespace Marketplace.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class VendorSearchDocuments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "vendor_search_documents",
                columns: table => new
                {
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    document = table.Column<NpgsqlTsVector>(type: "tsvector", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_vendor_search_documents", x => x.organisation_id);
                    table.ForeignKey(
                        name: "fk_vendor_search_documents_vendor_search_entries_organisation_",
                        column: x => x.organisation_id,
                        principalTable: "vendor_search_entries",
                        principalColumn: "organisation_id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Move the documents before row-level security is on for the new table (every entry is readable; a write
            // would otherwise have to come from each vendor's own connection).
            migrationBuilder.Sql("INSERT INTO vendor_search_documents (organisation_id, document) SELECT organisation_id, document FROM vendor_search_entries WHERE listed;");

            migrationBuilder.DropIndex(
                name: "ix_vendor_search_entries_document",
                table: "vendor_search_entries");

            migrationBuilder.DropColumn(
                name: "document",
                table: "vendor_search_entries");

            migrationBuilder.CreateIndex(
                name: "ix_vendor_search_documents_document",
                table: "vendor_search_documents",
                column: "document")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.EnablePublicReadTenantWrite("vendor_search_documents");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The documents are not moved back: Admin migrate's backfill and the next saves write them again.
            migrationBuilder.DisablePublicReadTenantWrite("vendor_search_documents");
            migrationBuilder.DropTable(
                name: "vendor_search_documents");

            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "document",
                table: "vendor_search_entries",
                type: "tsvector",
                nullable: false,
                defaultValue: NpgsqlTsVector.Empty);

            migrationBuilder.CreateIndex(
                name: "ix_vendor_search_entries_document",
                table: "vendor_search_entries",
                column: "document")
                .Annotation("Npgsql:IndexMethod", "gin");
        }
    }
}
