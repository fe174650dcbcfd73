-- Row-level security in force on rfp_listings. Change it here: Admin migrate applies this file, and
-- RowLevelPolicyFiles compares it with pg_policies (PostgreSQL's rendering, written by `Admin policies`).
ALTER TABLE rfp_listings ENABLE ROW LEVEL SECURITY;
ALTER TABLE rfp_listings FORCE ROW LEVEL SECURITY;

CREATE POLICY client_writes ON rfp_listings AS PERMISSIVE FOR ALL TO public
    USING ((client_organisation_id = (NULLIF(current_setting('app.current_org'::text, true), ''::text))::uuid))
    WITH CHECK ((client_organisation_id = (NULLIF(current_setting('app.current_org'::text, true), ''::text))::uuid));

CREATE POLICY vendor_reads ON rfp_listings AS PERMISSIVE FOR SELECT TO public
    USING ((((NULLIF(current_setting('app.current_org'::text, true), ''::text))::uuid IS NOT NULL) AND (((visibility)::text = 'public'::text) OR (EXISTS ( SELECT 1
   FROM rfp_invitations i
  WHERE ((i.rfp_id = rfp_listings.rfp_id) AND (i.vendor_id = (NULLIF(current_setting('app.current_org'::text, true), ''::text))::uuid)))))));
