import { useMutation } from '@tanstack/react-query';
import { api, type Schemas } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';

export const usePasswordSignIn = () =>
  useMutation({
    mutationFn: async (input: Schemas['SignInRequest']) => {
      const result = await api.POST('/api/v1/account/sign-in', { body: input });
      if (!result.response.ok) unwrap(result);
    },
  });

export const useForgotPassword = () =>
  useMutation({ mutationFn: async (input: Schemas['ForgotPasswordRequest']) => unwrap(await api.POST('/api/v1/account/forgot-password', { body: input })) });

export const useResetPassword = () =>
  useMutation({
    mutationFn: async (input: Schemas['ResetPasswordRequest']) => {
      const result = await api.POST('/api/v1/account/reset-password', { body: input });
      if (!result.response.ok) unwrap(result);
    },
  });

export const useChangePassword = () =>
  useMutation({
    mutationFn: async (input: Schemas['ChangePasswordRequest']) => {
      const result = await api.POST('/api/v1/account/change-password', { body: input });
      if (!result.response.ok) unwrap(result);
    },
  });
