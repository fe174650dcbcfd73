import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '@/lib/api/client';
import { createOnce, intentKeys } from '@/lib/api/concurrency';
import { unwrap } from '@/lib/api/problem';

export type Member = Schemas['MemberDto'];
export type Invitation = Schemas['InvitationDto'];
export type InvitationLink = Schemas['InvitationLinkRequest'];

const membersKey = (organisationId: string) => ['members', organisationId] as const;
const invitationsKey = (organisationId: string) => ['invitations', organisationId] as const;

/** Fails loudly on a non-2xx answer without a body (204 answers carry none). */
const expectOk = (result: { response: Response; error?: unknown }) => {
  if (!result.response.ok) unwrap(result as { response: Response; error?: unknown; data?: undefined });
};

export const useMembers = (organisationId: string) =>
  useQuery({ queryKey: membersKey(organisationId), queryFn: async () => unwrap(await api.GET('/api/v1/members')) });

export const useInvitations = (organisationId: string, enabled: boolean) =>
  useQuery({ queryKey: invitationsKey(organisationId), queryFn: async () => unwrap(await api.GET('/api/v1/invitations')), enabled });

export const useChangeRole = (organisationId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ memberId, role }: { memberId: string; role: string }) =>
      unwrap(await api.PATCH('/api/v1/members/{memberId}', { params: { path: { memberId } }, body: { role } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: membersKey(organisationId) }),
  });
};

export const useRemoveMember = (organisationId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (memberId: string) => expectOk(await api.DELETE('/api/v1/members/{memberId}', { params: { path: { memberId } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: membersKey(organisationId) }),
  });
};

const invitationKeys = intentKeys();

export const useInvite = (organisationId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Schemas['InviteRequest']) =>
      createOnce(invitationKeys, input, async (headers) => unwrap(await api.POST('/api/v1/invitations', { body: input, headers }))),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitationsKey(organisationId) }),
  });
};

export const useRevokeInvitation = (organisationId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (invitationId: string) => expectOk(await api.DELETE('/api/v1/invitations/{invitationId}', { params: { path: { invitationId } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: invitationsKey(organisationId) }),
  });
};

export const useInvitationPreview = (link: InvitationLink) =>
  useQuery({
    queryKey: ['invitation-preview', link.invitationId],
    queryFn: async () => unwrap(await api.POST('/api/v1/invitations/preview', { body: link })),
    retry: false,
  });

export const useAcceptInvitation = () =>
  useMutation({ mutationFn: async (link: InvitationLink) => unwrap(await api.POST('/api/v1/invitations/accept', { body: link })) });
