-- Row-level security in force on audit_entries. Change it here: Admin migrate applies this file, and
-- RowLevelPolicyFiles compares it with pg_policies (PostgreSQL's rendering, written by `Admin policies`).
ALTER TABLE audit_entries ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_entries FORCE ROW LEVEL SECURITY;

CREATE POLICY owner_all ON audit_entries AS PERMISSIVE FOR ALL TO CURRENT_USER
    USING (true)
    WITH CHECK (true);

CREATE POLICY tenant_read ON audit_entries AS PERMISSIVE FOR SELECT TO public
    USING ((organisation_id = (NULLIF(current_setting('app.current_org'::text, true), ''::text))::uuid));
