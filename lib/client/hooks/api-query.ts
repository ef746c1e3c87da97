"use client";
import { useQuery, type UseQueryOptions } from "@tanstack/react-query";
import { apiGet } from "../api";
import type { ApiQuery } from "../queries";

/**
 * The browser's side of an ApiQuery (lib/client/queries.ts): its key, its path, and what the cache keeps of the
 * answer (its `select`), exactly as a page's server render put it there ahead (lib/web/prefetch.tsx). `T` is what
 * the cache keeps; the rest of useQuery's options pass through.
 */
export function useApiQuery<T>({ queryKey, path, select }: ApiQuery, options: Omit<UseQueryOptions<T>, "queryKey" | "queryFn"> = {}) {
  return useQuery<T>({
    queryKey,
    queryFn: async () => {
      const answer = await apiGet<never>(path);
      return (select ? select(answer) : answer) as T;
    },
    ...options,
  });
}
