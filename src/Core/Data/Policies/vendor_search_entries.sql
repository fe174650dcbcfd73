-- Row-level security in force on vendor_search_entries. Change it here: Admin migrate applies this file, and
-- RowLevelPolicyFiles compares it with pg_policies (PostgreSQL's rendering, written by `Admin policies`).
ALTER TABLE vendor_search_entries ENABLE ROW LEVEL SECURITY;
ALTER TABLE vendor_search_entries FORCE ROW LEVEL SECURITY;

CREATE POLICY public_read ON vendor_search_entries AS PERMISSIVE FOR SELECT TO public
    USING (true);

CREATE POLICY tenant_isolation ON vendor_search_entries AS PERMISSIVE FOR ALL TO public
    USING ((organisation_id = (NULLIF(current_setting('app.current_org'::text, true), ''::text))::uuid))
    WITH CHECK ((organisation_id = (NULLIF(current_setting('app.current_org'::text, true), ''::text))::uuid));
