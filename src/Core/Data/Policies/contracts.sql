-- Row-level security in force on contracts. Change it here: Admin migrate applies this file, and
-- RowLevelPolicyFiles compares it with pg_policies (PostgreSQL's rendering, written by `Admin policies`).
ALTER TABLE contracts ENABLE ROW LEVEL SECURITY;
ALTER TABLE contracts FORCE ROW LEVEL SECURITY;

CREATE POLICY client_writes ON contracts AS PERMISSIVE FOR ALL TO public
    USING ((client_organisation_id = (NULLIF(current_setting('app.current_org'::text, true), ''::text))::uuid))
    WITH CHECK ((client_organisation_id = (NULLIF(current_setting('app.current_org'::text, true), ''::text))::uuid));

CREATE POLICY vendor_reads ON contracts AS PERMISSIVE FOR SELECT TO public
    USING ((vendor_id = (NULLIF(current_setting('app.current_org'::text, true), ''::text))::uuid));
