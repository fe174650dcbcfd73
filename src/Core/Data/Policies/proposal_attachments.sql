-- Row-level security in force on proposal_attachments. Change it here: Admin migrate applies this file, and
-- RowLevelPolicyFiles compares it with pg_policies (PostgreSQL's rendering, written by `Admin policies`).
ALTER TABLE proposal_attachments ENABLE ROW LEVEL SECURITY;
ALTER TABLE proposal_attachments FORCE ROW LEVEL SECURITY;

CREATE POLICY client_reads ON proposal_attachments AS PERMISSIVE FOR SELECT TO public
    USING (((client_organisation_id = (NULLIF(current_setting('app.current_org'::text, true), ''::text))::uuid) AND (EXISTS ( SELECT 1
   FROM proposals p
  WHERE (p.id = proposal_attachments.proposal_id)))));

CREATE POLICY vendor_adds ON proposal_attachments AS PERMISSIVE FOR INSERT TO public
    WITH CHECK (((vendor_id = (NULLIF(current_setting('app.current_org'::text, true), ''::text))::uuid) AND (EXISTS ( SELECT 1
   FROM rfp_listings l
  WHERE ((l.rfp_id = proposal_attachments.rfp_id) AND (l.client_organisation_id = proposal_attachments.client_organisation_id) AND ((l.status)::text = 'Published'::text) AND (l.proposal_deadline > now()))))));

CREATE POLICY vendor_reads ON proposal_attachments AS PERMISSIVE FOR SELECT TO public
    USING ((vendor_id = (NULLIF(current_setting('app.current_org'::text, true), ''::text))::uuid));

CREATE POLICY vendor_removes ON proposal_attachments AS PERMISSIVE FOR DELETE TO public
    USING (((vendor_id = (NULLIF(current_setting('app.current_org'::text, true), ''::text))::uuid) AND (EXISTS ( SELECT 1
   FROM rfp_listings l
  WHERE ((l.rfp_id = proposal_attachments.rfp_id) AND (l.client_organisation_id = proposal_attachments.client_organisation_id) AND ((l.status)::text = 'Published'::text) AND (l.proposal_deadline > now()))))));
