-- Row-level security in force on proposal_versions. Change it here: Admin migrate applies this file, and
-- RowLevelPolicyFiles compares it with pg_policies (PostgreSQL's rendering, written by `Admin policies`).
ALTER TABLE proposal_versions ENABLE ROW LEVEL SECURITY;
ALTER TABLE proposal_versions FORCE ROW LEVEL SECURITY;

CREATE POLICY client_reads ON proposal_versions AS PERMISSIVE FOR SELECT TO public
    USING (((client_organisation_id = (NULLIF(current_setting('app.current_org'::text, true), ''::text))::uuid) AND (EXISTS ( SELECT 1
   FROM proposals p
  WHERE (p.id = proposal_versions.proposal_id)))));

CREATE POLICY vendor_adds ON proposal_versions AS PERMISSIVE FOR INSERT TO public
    WITH CHECK (((vendor_id = (NULLIF(current_setting('app.current_org'::text, true), ''::text))::uuid) AND (EXISTS ( SELECT 1
   FROM rfp_listings l
  WHERE ((l.rfp_id = proposal_versions.rfp_id) AND (l.client_organisation_id = proposal_versions.client_organisation_id) AND ((l.status)::text = 'Published'::text) AND (l.proposal_deadline > now()))))));

CREATE POLICY vendor_reads ON proposal_versions AS PERMISSIVE FOR SELECT TO public
    USING ((vendor_id = (NULLIF(current_setting('app.current_org'::text, true), ''::text))::uuid));
