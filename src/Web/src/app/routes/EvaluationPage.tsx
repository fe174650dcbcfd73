import { AwardPanel } from '@/features/awards/AwardPanel';
import { EvaluationRoute } from '@/features/evaluation/EvaluationRoute';
import { ProposalDrawer } from '@/features/proposals/ClientProposalsRoute';

/** The evaluation page with the award tab and the proposal reader, which belong to the awards and proposals features. */
export function EvaluationPage() {
  return <EvaluationRoute awardPanel={(props) => <AwardPanel {...props} />} proposalReader={(props) => <ProposalDrawer {...props} />} />;
}
