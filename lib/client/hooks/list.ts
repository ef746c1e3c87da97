"use client";
// One page after another of a list route, asked with the list's view (search, sort, filters: lib/client/list-view.ts).
import { keepPreviousData, useInfiniteQuery, type InfiniteData, type QueryKey, type UseInfiniteQueryResult, type UseQueryResult } from "@tanstack/react-query";
import { apiGet } from "../api";
import type { Page } from "../types";

const PAGE_SIZE = 50;
const NONE: never[] = [];

export function usePagedList<T>(key: QueryKey, path: string, params: Record<string, string>, refetchInterval?: (rows: T[]) => number | false) {
  return useInfiniteQuery({
    queryKey: [...key, params],
    queryFn: ({ pageParam }) => apiGet<Page<T>>(path, { limit: PAGE_SIZE, cursor: pageParam, ...params }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // A new search or sort keeps the last answer on screen instead of flashing an empty list.
    placeholderData: keepPreviousData,
    refetchInterval: refetchInterval && ((q) => refetchInterval(q.state.data?.pages.flatMap((p) => p.items) ?? [])),
  });
}

/** What <ListTable> needs of a paged list. */
export function fromInfinite<T>(q: UseInfiniteQueryResult<InfiniteData<Page<T>>>) {
  return {
    rows: q.data?.pages.flatMap((p) => p.items) ?? [],
    pending: q.isPending,
    error: q.isError ? q.error : null,
    retry: () => void q.refetch(),
    refreshing: q.isPlaceholderData,
    next: { has: !!q.hasNextPage, loading: q.isFetchingNextPage, load: () => void q.fetchNextPage() },
  };
}

/** What <ListTable> needs of a whole list (short by nature: roles, tokens, sessions). */
export function fromQuery<T>(q: UseQueryResult<T[]>) {
  return { rows: q.data ?? NONE, pending: q.isPending, error: q.isError ? q.error : null, retry: () => void q.refetch(), refreshing: q.isPlaceholderData };
}
