import { useMutation } from '@tanstack/react-query';
import { api, type Schemas } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';

export type RegisterOrganisationInput = Schemas['RegisterOrganisationRequest'];
export type Organisation = Schemas['OrganisationDto'];

export const registerOrganisation = async (input: RegisterOrganisationInput): Promise<Organisation> =>
  unwrap(await api.POST('/api/v1/organisations', { body: input }));

export const useRegisterOrganisation = () => useMutation({ mutationFn: registerOrganisation });
