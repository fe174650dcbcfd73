-- Row-level security in force on memberships. Change it here: Admin migrate applies this file, and
-- RowLevelPolicyFiles compares it with pg_policies (PostgreSQL's rendering, written by `Admin policies`).
ALTER TABLE memberships ENABLE ROW LEVEL SECURITY;
ALTER TABLE memberships FORCE ROW LEVEL SECURITY;

CREATE POLICY own_memberships ON memberships AS PERMISSIVE FOR SELECT TO public
    USING ((user_id = (NULLIF(current_setting('app.current_user'::text, true), ''::text))::uuid));

CREATE POLICY tenant_isolation ON memberships AS PERMISSIVE FOR ALL TO public
    USING ((organisation_id = (NULLIF(current_setting('app.current_org'::text, true), ''::text))::uuid))
    WITH CHECK ((organisation_id = (NULLIF(current_setting('app.current_org'::text, true), ''::text))::uuid));
