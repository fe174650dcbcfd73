-- Row-level security in force on proposals. Change it here: Admin migrate applies this file, and
-- RowLevelPolicyFiles compares it with pg_policies (PostgreSQL's rendering, written by `Admin policies`).
ALTER TABLE proposals ENABLE ROW LEVEL SECURITY;
ALTER TABLE proposals FORCE ROW LEVEL SECURITY;

-- Sealed proposals (decision 0014): the client reads a proposal only once it is submitted and the deadline has
-- passed; before that the number comes from submitted_proposal_count(), which runs as the owner (owner_counts).
CREATE POLICY client_reads ON proposals AS PERMISSIVE FOR SELECT TO public
    USING (((client_organisation_id = (NULLIF(current_setting('app.current_org'::text, true), ''::text))::uuid) AND ((status)::text = 'Submitted'::text) AND (EXISTS ( SELECT 1
   FROM rfp_listings l
  WHERE ((l.rfp_id = proposals.rfp_id) AND (l.client_organisation_id = proposals.client_organisation_id) AND (l.proposal_deadline <= now()))))));

CREATE POLICY owner_counts ON proposals AS PERMISSIVE FOR SELECT TO CURRENT_USER
    USING (true);

-- A vendor starts and changes its proposal only while the RFP is published and before its deadline
-- (RfpListing.TakesProposals says the same).
CREATE POLICY vendor_adds ON proposals AS PERMISSIVE FOR INSERT TO public
    WITH CHECK (((vendor_id = (NULLIF(current_setting('app.current_org'::text, true), ''::text))::uuid) AND (EXISTS ( SELECT 1
   FROM rfp_listings l
  WHERE ((l.rfp_id = proposals.rfp_id) AND (l.client_organisation_id = proposals.client_organisation_id) AND ((l.status)::text = 'Published'::text) AND (l.proposal_deadline > now()))))));

CREATE POLICY vendor_changes ON proposals AS PERMISSIVE FOR UPDATE TO public
    USING ((vendor_id = (NULLIF(current_setting('app.current_org'::text, true), ''::text))::uuid))
    WITH CHECK (((vendor_id = (NULLIF(current_setting('app.current_org'::text, true), ''::text))::uuid) AND (EXISTS ( SELECT 1
   FROM rfp_listings l
  WHERE ((l.rfp_id = proposals.rfp_id) AND (l.client_organisation_id = proposals.client_organisation_id) AND ((l.status)::text = 'Published'::text) AND (l.proposal_deadline > now()))))));

CREATE POLICY vendor_reads ON proposals AS PERMISSIVE FOR SELECT TO public
    USING ((vendor_id = (NULLIF(current_setting('app.current_org'::text, true), ''::text))::uuid));
