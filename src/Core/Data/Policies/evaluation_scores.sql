-- Row-level security in force on evaluation_scores. Change it here: Admin migrate applies this file, and
-- RowLevelPolicyFiles compares it with pg_policies (PostgreSQL's rendering, written by `Admin policies`).
ALTER TABLE evaluation_scores ENABLE ROW LEVEL SECURITY;
ALTER TABLE evaluation_scores FORCE ROW LEVEL SECURITY;

-- Independent scoring (decision 0015): an evaluator who has not submitted reads only their own scores,
-- whatever the Api asks. Restrictive, so it narrows the tenant policy instead of widening it.
CREATE POLICY own_until_submitted ON evaluation_scores AS RESTRICTIVE FOR SELECT TO public
    USING (((user_id = (NULLIF(current_setting('app.current_user'::text, true), ''::text))::uuid) OR (NOT (EXISTS ( SELECT 1
   FROM rfp_evaluators e
  WHERE ((e.rfp_id = evaluation_scores.rfp_id) AND (e.user_id = (NULLIF(current_setting('app.current_user'::text, true), ''::text))::uuid) AND (e.submitted_at IS NULL)))))));

CREATE POLICY tenant_isolation ON evaluation_scores AS PERMISSIVE FOR ALL TO public
    USING ((organisation_id = (NULLIF(current_setting('app.current_org'::text, true), ''::text))::uuid))
    WITH CHECK ((organisation_id = (NULLIF(current_setting('app.current_org'::text, true), ''::text))::uuid));
