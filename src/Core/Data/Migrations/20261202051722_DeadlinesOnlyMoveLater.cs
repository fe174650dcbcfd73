using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class DeadlinesOnlyMoveLater : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The seal hangs on the listing's proposal deadline, which its client writes. Before, the trigger only kept it
            // from moving into the past, so an addendum could pull a deadline a week away to a minute from now and open
            // the proposals then. Now a published deadline only ever moves later (domain.md), and the question deadline
            // likewise; the domain (Rfp.PublishAddendum) holds the same rule and says so to people.
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION rfp_listings_keep_deadline() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.rfp_id <> OLD.rfp_id OR NEW.client_organisation_id <> OLD.client_organisation_id THEN
                        RAISE EXCEPTION 'A listing stays with its RFP and client.' USING ERRCODE = 'check_violation';
                    END IF;
                    IF NEW.proposal_deadline IS DISTINCT FROM OLD.proposal_deadline
                       AND (OLD.proposal_deadline <= now() OR NEW.proposal_deadline IS NULL OR NEW.proposal_deadline <= now()
                            OR NEW.proposal_deadline < OLD.proposal_deadline) THEN
                        RAISE EXCEPTION 'A proposal deadline only moves later: one that has passed does not move, and none moves earlier.'
                            USING ERRCODE = 'check_violation';
                    END IF;
                    IF NEW.question_deadline IS DISTINCT FROM OLD.question_deadline
                       AND (NEW.question_deadline IS NULL OR NEW.question_deadline < OLD.question_deadline) THEN
                        RAISE EXCEPTION 'A question deadline only moves later.' USING ERRCODE = 'check_violation';
                    END IF;
                    RETURN NEW;
                END $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION rfp_listings_keep_deadline() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.rfp_id <> OLD.rfp_id OR NEW.client_organisation_id <> OLD.client_organisation_id THEN
                        RAISE EXCEPTION 'A listing stays with its RFP and client.' USING ERRCODE = 'check_violation';
                    END IF;
                    IF NEW.proposal_deadline IS DISTINCT FROM OLD.proposal_deadline
                       AND (OLD.proposal_deadline <= now() OR NEW.proposal_deadline IS NULL OR NEW.proposal_deadline <= now()) THEN
                        RAISE EXCEPTION 'A proposal deadline that has passed does not move, and none moves into the past.' USING ERRCODE = 'check_violation';
                    END IF;
                    RETURN NEW;
                END $$;
                """);
        }
    }
}
