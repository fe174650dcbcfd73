using System;
using Marketplace.Core.Data;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class StripeEvents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "featured_until",
                table: "vendor_search_entries",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "stripe_events",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    payload = table.Column<string>(type: "jsonb", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    processed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_stripe_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_stripe_events_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_stripe_events_organisation_id",
                table: "stripe_events",
                column: "organisation_id");

            migrationBuilder.EnableTenantIsolation("stripe_events");
            // A webhook arrives with no organisation: the customer it names finds it, through a function that runs as the
            // owner (who alone may read every subscription row) and returns only the organisation's id.
            migrationBuilder.Sql("CREATE POLICY owner_finds_customers ON vendor_subscriptions FOR SELECT TO CURRENT_USER USING (true);");
            migrationBuilder.Sql("""
                CREATE FUNCTION billing_customer_organisation(p_customer_id text) RETURNS uuid
                LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
                    SELECT organisation_id FROM vendor_subscriptions WHERE stripe_customer_id = p_customer_id
                $$;
                REVOKE ALL ON FUNCTION billing_customer_organisation(text) FROM PUBLIC;
                DO $grant$ DECLARE r record; BEGIN
                    FOR r IN SELECT DISTINCT grantee FROM information_schema.role_table_grants
                             WHERE table_name = 'vendor_subscriptions' AND grantee <> current_user LOOP
                        EXECUTE format('GRANT EXECUTE ON FUNCTION billing_customer_organisation(text) TO %I', r.grantee);
                    END LOOP;
                END $grant$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FUNCTION billing_customer_organisation(text);");
            migrationBuilder.Sql("DROP POLICY owner_finds_customers ON vendor_subscriptions;");
            migrationBuilder.DropTable(
                name: "stripe_events");

            migrationBuilder.DropColumn(
                name: "featured_until",
                table: "vendor_search_entries");
        }
    }
}
