import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';

export type Evaluation = Schemas['EvaluationDto'];
export type Scorecard = Schemas['ScorecardDto'];
export type ConsensusView = Schemas['ConsensusViewDto'];
export type ProposalComparison = Schemas['ComparisonDto'];

const key = (organisationId: string, rfpId: string, part: string) => ['evaluation', organisationId, rfpId, part] as const;
const path = (rfpId: string) => ({ params: { path: { rfpId } } });

/** The evaluation's panel, axes and proposals (404 while sealed, 403 to a member who is neither procurement nor on the panel). */
export const useEvaluation = (organisationId: string, rfpId: string) =>
  useQuery({
    queryKey: key(organisationId, rfpId, 'panel'),
    queryFn: async () => unwrap(await api.GET('/api/v1/rfps/{rfpId}/evaluation', path(rfpId))),
    retry: false,
  });

export const useScorecard = (organisationId: string, rfpId: string, enabled: boolean) =>
  useQuery({
    queryKey: key(organisationId, rfpId, 'scorecard'),
    queryFn: async () => unwrap(await api.GET('/api/v1/rfps/{rfpId}/evaluation/scorecard', path(rfpId))),
    enabled,
  });

export const useConsensus = (organisationId: string, rfpId: string, enabled: boolean) =>
  useQuery({
    queryKey: key(organisationId, rfpId, 'consensus'),
    queryFn: async () => unwrap(await api.GET('/api/v1/rfps/{rfpId}/evaluation/consensus', path(rfpId))),
    enabled,
  });

export const useProposalComparison = (organisationId: string, rfpId: string, enabled: boolean) =>
  useQuery({
    queryKey: key(organisationId, rfpId, 'comparison'),
    queryFn: async () => unwrap(await api.GET('/api/v1/rfps/{rfpId}/comparison', path(rfpId))),
    enabled,
  });

export const useEvaluationActions = (organisationId: string, rfpId: string) => {
  const queryClient = useQueryClient();
  const refresh = (...parts: string[]) => Promise.all(parts.map((part) => queryClient.invalidateQueries({ queryKey: key(organisationId, rfpId, part) })));
  return {
    setPanel: useMutation({
      mutationFn: async (body: Schemas['SetEvaluationPanelRequest']) => unwrap(await api.PUT('/api/v1/rfps/{rfpId}/evaluation', { ...path(rfpId), body })),
      onSuccess: (evaluation) => {
        queryClient.setQueryData(key(organisationId, rfpId, 'panel'), evaluation);
        return refresh('scorecard');
      },
    }),
    saveScore: useMutation({
      mutationFn: async (body: Schemas['SaveScoreRequest']) => unwrap(await api.PUT('/api/v1/rfps/{rfpId}/evaluation/scorecard', { ...path(rfpId), body })),
      onSuccess: () => refresh('scorecard', 'panel'),
    }),
    submit: useMutation({
      mutationFn: async () => unwrap(await api.POST('/api/v1/rfps/{rfpId}/evaluation/scorecard/submit', path(rfpId))),
      onSuccess: () => refresh('scorecard', 'panel', 'consensus', 'comparison'),
    }),
    recordConsensus: useMutation({
      mutationFn: async (body: Schemas['RecordConsensusRequest']) =>
        unwrap(await api.PUT('/api/v1/rfps/{rfpId}/evaluation/consensus', { ...path(rfpId), body })),
      onSuccess: () => refresh('consensus', 'comparison'),
    }),
  };
};
