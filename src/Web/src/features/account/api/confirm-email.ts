import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { ApiError, type Problem } from '@/lib/api/problem';

export const confirmEmail = async (userId: string, token: string): Promise<void> => {
  const result = await api.POST('/api/v1/account/confirm', { body: { userId, token } });
  // 204 has no body, so unwrap() (which expects data) does not fit here.
  if (!result.response.ok) throw new ApiError(result.response.status, result.error as Problem | undefined);
};

export const useConfirmEmail = () => useMutation({ mutationFn: ({ userId, token }: { userId: string; token: string }) => confirmEmail(userId, token) });
