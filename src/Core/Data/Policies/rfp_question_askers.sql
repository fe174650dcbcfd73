-- Row-level security in force on rfp_question_askers. Change it here: Admin migrate applies this file, and
-- RowLevelPolicyFiles compares it with pg_policies (PostgreSQL's rendering, written by `Admin policies`).
ALTER TABLE rfp_question_askers ENABLE ROW LEVEL SECURITY;
ALTER TABLE rfp_question_askers FORCE ROW LEVEL SECURITY;

-- Who asked is kept from the client until the proposals open: it would say who takes part.
CREATE POLICY client_reads ON rfp_question_askers AS PERMISSIVE FOR SELECT TO public
    USING (((client_organisation_id = (NULLIF(current_setting('app.current_org'::text, true), ''::text))::uuid) AND (EXISTS ( SELECT 1
   FROM rfp_listings l
  WHERE ((l.rfp_id = rfp_question_askers.rfp_id) AND (l.client_organisation_id = rfp_question_askers.client_organisation_id) AND (l.proposal_deadline <= now()))))));

CREATE POLICY vendor_asks ON rfp_question_askers AS PERMISSIVE FOR INSERT TO public
    WITH CHECK (((vendor_id = (NULLIF(current_setting('app.current_org'::text, true), ''::text))::uuid) AND (EXISTS ( SELECT 1
   FROM rfp_participants p
  WHERE ((p.rfp_id = rfp_question_askers.rfp_id) AND (p.vendor_id = (NULLIF(current_setting('app.current_org'::text, true), ''::text))::uuid)))) AND (EXISTS ( SELECT 1
   FROM rfp_listings l
  WHERE ((l.rfp_id = rfp_question_askers.rfp_id) AND (l.client_organisation_id = rfp_question_askers.client_organisation_id) AND ((l.status)::text = 'Published'::text))))));

CREATE POLICY vendor_reads ON rfp_question_askers AS PERMISSIVE FOR SELECT TO public
    USING ((vendor_id = (NULLIF(current_setting('app.current_org'::text, true), ''::text))::uuid));
