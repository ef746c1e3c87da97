"use client";
import { useInfiniteQuery } from "@tanstack/react-query";
import { apiGet } from "../api";
import type { AuditEvent, AuditOutcome, Page } from "../types";

export interface AuditFilters {
  user?: string;
  workspace?: string;
  outcome?: AuditOutcome | "";
  q?: string;
}

const PAGE_SIZE = 50;

/** Audit events newest first; fetchNextPage() follows nextCursor for "Load more". */
export function useAuditEvents(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ["audit", filters],
    queryFn: ({ pageParam }) =>
      apiGet<Page<AuditEvent>>("/api/v1/audit/events", { ...filters, limit: PAGE_SIZE, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
