"use client";
// One page after another of a list route, asked with the list's view (search, sort, filters: lib/client/list-view.ts).
import { keepPreviousData, useInfiniteQuery, type InfiniteData, type UseInfiniteQueryResult, type UseQueryResult } from "@tanstack/react-query";
import { apiGet } from "../api";
import { PAGE_SIZE, pagedQuery, type PagedList } from "../queries";
import type { Page } from "../types";

const NONE: never[] = [];

/** `refetchInterval`: how soon to ask again, given the rows shown. */
export function usePagedList<T>(list: PagedList, params: Record<string, string>, refetchInterval?: (rows: T[]) => number | false) {
  return useInfiniteQuery({
    // The key a page's server render fills ahead (lib/web/prefetch.tsx).
    queryKey: pagedQuery(list, params).queryKey,
    queryFn: ({ pageParam }) => apiGet<Page<T>>(list.path, { limit: list.limit ?? PAGE_SIZE, cursor: pageParam, ...params }),
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
