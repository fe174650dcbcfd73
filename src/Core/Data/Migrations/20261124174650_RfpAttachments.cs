using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class RfpAttachments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "rfp_attachments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    rfp_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    file_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    size = table.Column<long>(type: "bigint", nullable: false),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rfp_attachments", x => x.id);
                    table.ForeignKey(
                        name: "fk_rfp_attachments_rfps_rfp_id",
                        column: x => x.rfp_id,
                        principalTable: "rfps",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_rfp_attachments_rfp_id_uploaded_at",
                table: "rfp_attachments",
                columns: new[] { "rfp_id", "uploaded_at" });

            // The client's rows; a vendor reads an attachment of an RFP whose listing it can see.
            migrationBuilder.EnableTenantIsolation("rfp_attachments");
            migrationBuilder.Sql("CREATE POLICY vendor_reads ON rfp_attachments FOR SELECT USING (EXISTS (SELECT 1 FROM rfp_listings l WHERE l.rfp_id = rfp_attachments.rfp_id));");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP POLICY IF EXISTS vendor_reads ON rfp_attachments;");
            migrationBuilder.DisableTenantIsolation("rfp_attachments");
            migrationBuilder.DropTable(
                name: "rfp_attachments");
        }
    }
}
