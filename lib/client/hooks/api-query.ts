"use client";
import { useQuery, type UseQueryOptions } from "@tanstack/react-query";
import { apiGet } from "../api";
import { kept, type ApiQuery } from "../queries";

/**
 * The browser's side of an ApiQuery (lib/client/queries.ts): its key, its path, and what the cache keeps of the
 * answer (its `select`), exactly as a page's server render put it there ahead (lib/web/prefetch.tsx). `T` is what
 * the cache keeps; the rest of useQuery's options pass through.
 */
export function useApiQuery<T>(query: ApiQuery, options: Omit<UseQueryOptions<T>, "queryKey" | "queryFn"> = {}) {
  return useQuery<T>({ queryKey: query.queryKey, queryFn: async () => kept(query, await apiGet(query.path)) as T, ...options });
}
