-- Row-level security in force on rfp_evaluators. Change it here: Admin migrate applies this file, and
-- RowLevelPolicyFiles compares it with pg_policies (PostgreSQL's rendering, written by `Admin policies`).
ALTER TABLE rfp_evaluators ENABLE ROW LEVEL SECURITY;
ALTER TABLE rfp_evaluators FORCE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON rfp_evaluators AS PERMISSIVE FOR ALL TO public
    USING ((organisation_id = (NULLIF(current_setting('app.current_org'::text, true), ''::text))::uuid))
    WITH CHECK ((organisation_id = (NULLIF(current_setting('app.current_org'::text, true), ''::text))::uuid));
