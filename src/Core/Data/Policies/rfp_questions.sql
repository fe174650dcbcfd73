-- Row-level security in force on rfp_questions. Change it here: Admin migrate applies this file, and
-- RowLevelPolicyFiles compares it with pg_policies (PostgreSQL's rendering, written by `Admin policies`).
ALTER TABLE rfp_questions ENABLE ROW LEVEL SECURITY;
ALTER TABLE rfp_questions FORCE ROW LEVEL SECURITY;

CREATE POLICY client_writes ON rfp_questions AS PERMISSIVE FOR ALL TO public
    USING ((client_organisation_id = (NULLIF(current_setting('app.current_org'::text, true), ''::text))::uuid))
    WITH CHECK ((client_organisation_id = (NULLIF(current_setting('app.current_org'::text, true), ''::text))::uuid));

CREATE POLICY vendor_asks ON rfp_questions AS PERMISSIVE FOR INSERT TO public
    WITH CHECK (((answer IS NULL) AND (answered_at IS NULL) AND (EXISTS ( SELECT 1
   FROM rfp_participants p
  WHERE ((p.rfp_id = rfp_questions.rfp_id) AND (p.vendor_id = (NULLIF(current_setting('app.current_org'::text, true), ''::text))::uuid)))) AND (EXISTS ( SELECT 1
   FROM rfp_listings l
  WHERE ((l.rfp_id = rfp_questions.rfp_id) AND (l.client_organisation_id = rfp_questions.client_organisation_id) AND ((l.status)::text = 'Published'::text))))));

CREATE POLICY vendor_reads ON rfp_questions AS PERMISSIVE FOR SELECT TO public
    USING (((EXISTS ( SELECT 1
   FROM rfp_question_askers a
  WHERE ((a.question_id = rfp_questions.id) AND (a.vendor_id = (NULLIF(current_setting('app.current_org'::text, true), ''::text))::uuid)))) OR ((answered_at IS NOT NULL) AND (EXISTS ( SELECT 1
   FROM rfp_listings l
  WHERE (l.rfp_id = rfp_questions.rfp_id))))));
