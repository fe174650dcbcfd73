-- Row-level security in force on vendor_subscriptions. Change it here: Admin migrate applies this file, and
-- RowLevelPolicyFiles compares it with pg_policies (PostgreSQL's rendering, written by `Admin policies`).
ALTER TABLE vendor_subscriptions ENABLE ROW LEVEL SECURITY;
ALTER TABLE vendor_subscriptions FORCE ROW LEVEL SECURITY;

CREATE POLICY owner_finds_customers ON vendor_subscriptions AS PERMISSIVE FOR SELECT TO CURRENT_USER
    USING (true);

CREATE POLICY tenant_isolation ON vendor_subscriptions AS PERMISSIVE FOR ALL TO public
    USING ((organisation_id = (NULLIF(current_setting('app.current_org'::text, true), ''::text))::uuid))
    WITH CHECK ((organisation_id = (NULLIF(current_setting('app.current_org'::text, true), ''::text))::uuid));
