-- Row-level security in force on rfp_versions. Change it here: Admin migrate applies this file, and
-- RowLevelPolicyFiles compares it with pg_policies (PostgreSQL's rendering, written by `Admin policies`).
ALTER TABLE rfp_versions ENABLE ROW LEVEL SECURITY;
ALTER TABLE rfp_versions FORCE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON rfp_versions AS PERMISSIVE FOR ALL TO public
    USING ((organisation_id = (NULLIF(current_setting('app.current_org'::text, true), ''::text))::uuid))
    WITH CHECK ((organisation_id = (NULLIF(current_setting('app.current_org'::text, true), ''::text))::uuid));

CREATE POLICY vendor_reads ON rfp_versions AS PERMISSIVE FOR SELECT TO public
    USING ((EXISTS ( SELECT 1
   FROM rfp_listings l
  WHERE (l.rfp_id = rfp_versions.rfp_id))));
