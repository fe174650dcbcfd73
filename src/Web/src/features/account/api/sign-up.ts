import { useMutation } from '@tanstack/react-query';
import { api, type Schemas } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';

export type SignUpInput = Schemas['SignUpRequest'];

export const signUp = async (input: SignUpInput) => unwrap(await api.POST('/api/v1/account/sign-up', { body: input }));

export const useSignUp = () => useMutation({ mutationFn: signUp });
