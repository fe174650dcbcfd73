-- Row-level security in force on rfp_invitations. Change it here: Admin migrate applies this file, and
-- RowLevelPolicyFiles compares it with pg_policies (PostgreSQL's rendering, written by `Admin policies`).
ALTER TABLE rfp_invitations ENABLE ROW LEVEL SECURITY;
ALTER TABLE rfp_invitations FORCE ROW LEVEL SECURITY;

CREATE POLICY client_writes ON rfp_invitations AS PERMISSIVE FOR ALL TO public
    USING ((client_organisation_id = (NULLIF(current_setting('app.current_org'::text, true), ''::text))::uuid))
    WITH CHECK ((client_organisation_id = (NULLIF(current_setting('app.current_org'::text, true), ''::text))::uuid));

CREATE POLICY vendor_reads ON rfp_invitations AS PERMISSIVE FOR SELECT TO public
    USING ((vendor_id = (NULLIF(current_setting('app.current_org'::text, true), ''::text))::uuid));
