-- Row-level security in force on kpi_reviews. Change it here: Admin migrate applies this file, and
-- RowLevelPolicyFiles compares it with pg_policies (PostgreSQL's rendering, written by `Admin policies`).
ALTER TABLE kpi_reviews ENABLE ROW LEVEL SECURITY;
ALTER TABLE kpi_reviews FORCE ROW LEVEL SECURITY;

CREATE POLICY client_writes ON kpi_reviews AS PERMISSIVE FOR ALL TO public
    USING ((client_organisation_id = (NULLIF(current_setting('app.current_org'::text, true), ''::text))::uuid))
    WITH CHECK ((client_organisation_id = (NULLIF(current_setting('app.current_org'::text, true), ''::text))::uuid));

CREATE POLICY vendor_reads ON kpi_reviews AS PERMISSIVE FOR SELECT TO public
    USING ((vendor_id = (NULLIF(current_setting('app.current_org'::text, true), ''::text))::uuid));
