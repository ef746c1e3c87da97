"use client";
// The console's useQuery and useInfiniteQuery: TanStack Query's, with a new answer rendered as a deferred
// (interruptible) update. React renders a store change (useSyncExternalStore, which TanStack Query uses) in one
// blocking task; when a page's data arrives that task mounts the whole page (a role's permission matrix, a project's
// panels) and blocks input for its length. Rendered through useDeferredValue, the same work is split into slices that
// yield to the browser, and the component keeps showing its previous state (loading, or the last answer) meanwhile.
import {
  useInfiniteQuery as useInfiniteQueryNow,
  useQuery as useQueryNow,
  type DefaultError,
  type InfiniteData,
  type QueryKey,
  type UseInfiniteQueryOptions,
  type UseInfiniteQueryResult,
  type UseQueryOptions,
  type UseQueryResult,
} from "@tanstack/react-query";
import { useDeferredValue, useRef } from "react";

/**
 * The result as of the data React has rendered so far: while a new answer waits for its deferred render, the
 * previous result whole (its status belongs to its data). Data keeps its identity across refetches that change
 * nothing (structural sharing), so only a real change is deferred.
 */
function useDeferredResult<R extends { data: unknown }>(result: R): R {
  const data = useDeferredValue(result.data);
  const shown = useRef(result);
  // The last result rendered with its data, kept during render: a render React discards can only have stored a
  // result as new as the one it then renders, so nothing older than what was shown comes back.
  /* eslint-disable react-hooks/refs */
  if (data !== result.data) return shown.current;
  shown.current = result;
  /* eslint-enable react-hooks/refs */
  return result;
}

export function useQuery<TQueryFnData = unknown, TError = DefaultError, TData = TQueryFnData, TQueryKey extends QueryKey = QueryKey>(
  options: UseQueryOptions<TQueryFnData, TError, TData, TQueryKey>,
): UseQueryResult<TData, TError> {
  return useDeferredResult(useQueryNow(options));
}

export function useInfiniteQuery<TQueryFnData, TError = DefaultError, TData = InfiniteData<TQueryFnData>, TQueryKey extends QueryKey = QueryKey, TPageParam = unknown>(
  options: UseInfiniteQueryOptions<TQueryFnData, TError, TData, TQueryKey, TPageParam>,
): UseInfiniteQueryResult<TData, TError> {
  return useDeferredResult(useInfiniteQueryNow(options));
}
