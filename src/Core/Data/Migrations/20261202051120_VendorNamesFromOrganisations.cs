using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class VendorNamesFromOrganisations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Awards and contracts keep the vendor's name as it was when the award was proposed. Until now that name
            // came from the vendor's search entry, so a vendor without a listed profile was recorded with an empty
            // name; it is its organisation's name. Row-level security is forced on the owner too, so it is lifted for
            // this one statement (inside the migration's transaction).
            foreach (var table in new[] { "rfp_awards", "contracts" })
                migrationBuilder.Sql($"""
                    ALTER TABLE {table} NO FORCE ROW LEVEL SECURITY;
                    UPDATE {table} t SET vendor_name = o.name FROM organisations o WHERE o.id = t.vendor_id AND t.vendor_name = '';
                    ALTER TABLE {table} FORCE ROW LEVEL SECURITY;
                    """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Nothing to undo: the names filled in are the right ones.
        }
    }
}
