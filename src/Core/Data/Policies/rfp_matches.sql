-- Row-level security in force on rfp_matches. Change it here: Admin migrate applies this file, and
-- RowLevelPolicyFiles compares it with pg_policies (PostgreSQL's rendering, written by `Admin policies`).
ALTER TABLE rfp_matches ENABLE ROW LEVEL SECURITY;
ALTER TABLE rfp_matches FORCE ROW LEVEL SECURITY;

CREATE POLICY client_writes ON rfp_matches AS PERMISSIVE FOR ALL TO public
    USING ((client_organisation_id = (NULLIF(current_setting('app.current_org'::text, true), ''::text))::uuid))
    WITH CHECK ((client_organisation_id = (NULLIF(current_setting('app.current_org'::text, true), ''::text))::uuid));

CREATE POLICY vendor_reads ON rfp_matches AS PERMISSIVE FOR SELECT TO public
    USING (((vendor_id = (NULLIF(current_setting('app.current_org'::text, true), ''::text))::uuid) AND (EXISTS ( SELECT 1
   FROM rfp_listings l
  WHERE (l.rfp_id = rfp_matches.rfp_id)))));
