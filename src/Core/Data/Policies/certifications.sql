-- Row-level security in force on certifications. Change it here: Admin migrate applies this file, and
-- RowLevelPolicyFiles compares it with pg_policies (PostgreSQL's rendering, written by `Admin policies`).
ALTER TABLE certifications ENABLE ROW LEVEL SECURITY;
ALTER TABLE certifications FORCE ROW LEVEL SECURITY;

CREATE POLICY public_read ON certifications AS PERMISSIVE FOR SELECT TO public
    USING (true);

CREATE POLICY tenant_isolation ON certifications AS PERMISSIVE FOR ALL TO public
    USING ((organisation_id = (NULLIF(current_setting('app.current_org'::text, true), ''::text))::uuid))
    WITH CHECK ((organisation_id = (NULLIF(current_setting('app.current_org'::text, true), ''::text))::uuid));
