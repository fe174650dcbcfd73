import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '@/lib/api/client';
import { createOnce, intentKeys } from '@/lib/api/concurrency';
import { unwrap } from '@/lib/api/problem';

export type WorkInventory = Schemas['WorkInventoryDto'];
export type WorkTask = Schemas['WorkTaskDto'];
export type WorkTaskInput = Schemas['WorkTaskInput'];
export type CheckItem = Schemas['CheckItemDto'];

const inventoryKey = (organisationId: string) => ['work-inventory', organisationId] as const;

export const useWorkInventory = (organisationId: string) =>
  useQuery({ queryKey: inventoryKey(organisationId), queryFn: async () => unwrap(await api.GET('/api/v1/work-inventory')) });

/** The check's ten items come in the reader's language, so the language is part of the key. */
export const useCheckItems = (language: string) =>
  useQuery({ queryKey: ['check-items', language], queryFn: async () => unwrap(await api.GET('/api/v1/work-inventory/check-items')), staleTime: Infinity });

const taskKeys = intentKeys();
const batchKeys = intentKeys();

export const useSaveTask = (organisationId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, input }: { id?: string; input: WorkTaskInput }) =>
      id
        ? unwrap(await api.PUT('/api/v1/work-inventory/tasks/{taskId}', { params: { path: { taskId: id } }, body: input }))
        : createOnce(taskKeys, input, async (headers) => unwrap(await api.POST('/api/v1/work-inventory/tasks', { body: input, headers }))),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: inventoryKey(organisationId) }),
  });
};

export const useCheckTask = (organisationId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, yes }: { id: string; yes: string[] }) =>
      unwrap(await api.PUT('/api/v1/work-inventory/tasks/{taskId}/check', { params: { path: { taskId: id } }, body: { yes } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: inventoryKey(organisationId) }),
  });
};

export const useDeleteTask = (organisationId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => {
      const result = await api.DELETE('/api/v1/work-inventory/tasks/{taskId}', { params: { path: { taskId: id } } });
      if (!result.response.ok) unwrap(result);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: inventoryKey(organisationId) }),
  });
};

export type ImportPreview = Schemas['ImportPreviewDto'];

export const useAddTasks = (organisationId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (tasks: WorkTaskInput[]) =>
      createOnce(batchKeys, tasks, async (headers) => unwrap(await api.POST('/api/v1/work-inventory/tasks/batch', { body: { tasks }, headers }))),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: inventoryKey(organisationId) }),
  });
};

/** Starts an RFP draft from tasks (the RFP feature takes it from there). */
export const useStartRfpFromTasks = () =>
  useMutation({
    mutationFn: async (taskIds: string[]) => unwrap(await api.POST('/api/v1/rfps', { body: { title: null, fromTaskIds: taskIds } })),
  });
