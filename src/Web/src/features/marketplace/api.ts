import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';

export type SearchResult = Schemas['VendorSearchResult'];
export type SearchItem = Schemas['VendorSearchItem'];
export type Facets = Schemas['VendorFacetsDto'];
export type Comparison = Schemas['VendorComparison'];

/** The search as the URL holds it (so a search is a link to share); list filters repeat their name. */
export const listFilters = ['type', 'service', 'cert', 'region', 'language'] as const;
export const singleFilters = ['q', 'validThrough', 'verifiedOnly', 'bcp', 'capacityMin', 'feeMin', 'feeMax', 'sort'] as const;
export type ListFilter = (typeof listFilters)[number];
export type SingleFilter = (typeof singleFilters)[number];

/** The Api's query from the page's URL: only the search's own parameters, in a stable order (the cache key). */
export function searchQuery(params: URLSearchParams) {
  const query: Record<string, string | string[]> = {};
  for (const name of singleFilters) {
    const value = params.get(name);
    if (value) query[name] = value;
  }
  for (const name of listFilters) {
    const values = params.getAll(name).filter(Boolean);
    if (values.length > 0) query[name] = values;
  }
  return query;
}

/** Pages of results: the first with the facets, the next ones through the Api's signed cursor. */
export const useVendorSearch = (query: Record<string, string | string[]>) =>
  useInfiniteQuery({
    queryKey: ['vendor-search', query],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam, signal }) =>
      unwrap(await api.GET('/api/v1/vendors', { params: { query: { ...query, ...(pageParam ? { cursor: pageParam } : {}) } as never }, signal })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData, // keep showing the last results while a changed search loads
    retry: false,
  });

export const useComparison = (slugs: string[]) =>
  useQuery({
    queryKey: ['vendor-comparison', slugs],
    queryFn: async () => unwrap(await api.GET('/api/v1/vendors/compare', { params: { query: { slug: slugs } } })),
    enabled: slugs.length >= 2,
    retry: false,
  });
