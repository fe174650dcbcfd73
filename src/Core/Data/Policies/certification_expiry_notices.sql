-- Row-level security in force on certification_expiry_notices. Change it here: Admin migrate applies this file, and
-- RowLevelPolicyFiles compares it with pg_policies (PostgreSQL's rendering, written by `Admin policies`).
ALTER TABLE certification_expiry_notices ENABLE ROW LEVEL SECURITY;
ALTER TABLE certification_expiry_notices FORCE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON certification_expiry_notices AS PERMISSIVE FOR ALL TO public
    USING ((organisation_id = (NULLIF(current_setting('app.current_org'::text, true), ''::text))::uuid))
    WITH CHECK ((organisation_id = (NULLIF(current_setting('app.current_org'::text, true), ''::text))::uuid));
