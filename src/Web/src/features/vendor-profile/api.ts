import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '@/lib/api/client';
import { createOnce, intentKeys } from '@/lib/api/concurrency';
import { unwrap } from '@/lib/api/problem';
import { vendorProfileKey, type VendorProfile } from '@/lib/api/vendor-profile';

export const useSaveVendorProfile = (organisationId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (profile: VendorProfile) => unwrap(await api.PUT('/api/v1/vendor-profile', { body: profile })),
    onSuccess: (saved) => queryClient.setQueryData(vendorProfileKey(organisationId), saved),
  });
};

export type Certification = Schemas['CertificationDto'];
export type CertificationInput = Schemas['CertificationInput'];

const certificationsKey = (organisationId: string) => ['certifications', organisationId] as const;

export const useCertifications = (organisationId: string) =>
  useQuery({ queryKey: certificationsKey(organisationId), queryFn: async () => unwrap(await api.GET('/api/v1/vendor-profile/certifications')) });

const certificationKeys = intentKeys();

export const useSaveCertification = (organisationId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, input }: { id?: string; input: CertificationInput }) =>
      id
        ? unwrap(await api.PUT('/api/v1/vendor-profile/certifications/{certificationId}', { params: { path: { certificationId: id } }, body: input }))
        : createOnce(certificationKeys, input, async (headers) => unwrap(await api.POST('/api/v1/vendor-profile/certifications', { body: input, headers }))),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: certificationsKey(organisationId) }),
  });
};

export const useDeleteCertification = (organisationId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => {
      const result = await api.DELETE('/api/v1/vendor-profile/certifications/{certificationId}', { params: { path: { certificationId: id } } });
      if (!result.response.ok) unwrap(result);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: certificationsKey(organisationId) }),
  });
};

/** Multipart upload of the evidence file; the Api decides the type from the content. */
export const useUploadEvidence = (organisationId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, file }: { id: string; file: File }) => {
      const form = new FormData();
      form.append('file', file);
      const result = await api.PUT('/api/v1/vendor-profile/certifications/{certificationId}/evidence', {
        params: { path: { certificationId: id } },
        body: form as never,
        bodySerializer: (body: unknown) => body as FormData,
      });
      if (!result.response.ok) unwrap(result);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: certificationsKey(organisationId) }),
  });
};
