-- Row-level security in force on rfp_participants. Change it here: Admin migrate applies this file, and
-- RowLevelPolicyFiles compares it with pg_policies (PostgreSQL's rendering, written by `Admin policies`).
ALTER TABLE rfp_participants ENABLE ROW LEVEL SECURITY;
ALTER TABLE rfp_participants FORCE ROW LEVEL SECURITY;

CREATE POLICY client_reads ON rfp_participants AS PERMISSIVE FOR SELECT TO public
    USING ((client_organisation_id = (NULLIF(current_setting('app.current_org'::text, true), ''::text))::uuid));

CREATE POLICY vendor_joins ON rfp_participants AS PERMISSIVE FOR ALL TO public
    USING ((vendor_id = (NULLIF(current_setting('app.current_org'::text, true), ''::text))::uuid))
    WITH CHECK (((vendor_id = (NULLIF(current_setting('app.current_org'::text, true), ''::text))::uuid) AND (EXISTS ( SELECT 1
   FROM rfp_listings l
  WHERE ((l.rfp_id = rfp_participants.rfp_id) AND (l.client_organisation_id = rfp_participants.client_organisation_id) AND ((l.status)::text = 'Published'::text))))));
