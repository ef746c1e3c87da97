"use client";
import { useInfiniteQuery, useMutation, useQuery } from "@tanstack/react-query";
import { apiGet, apiSend, withQuery } from "../api";
import type { AuditEvent, AuditHistogram, AuditTokenIssued, Page } from "../types";
import { toastMessage } from "../toast";
import { apiQuery, type AuditFilters } from "../audit-filters";
import { auditEventsQuery, auditHistogramQuery, PAGE_SIZE } from "../queries";

/** Audit events newest first; fetchNextPage() follows nextCursor for "Load more"; `live` re-polls every 5 s. */
export function useAuditEvents(filters: AuditFilters, live = false) {
  return useInfiniteQuery({
    // The key a page's server render fills ahead (lib/web/prefetch.tsx).
    queryKey: auditEventsQuery(filters).queryKey,
    queryFn: ({ pageParam }) => apiGet<Page<AuditEvent>>("/api/v1/audit/events", { ...apiQuery(filters), limit: PAGE_SIZE, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: live ? 5000 : false,
  });
}

export function useAuditHistogram(filters: AuditFilters, live = false) {
  const { queryKey } = auditHistogramQuery(filters);
  return useQuery({
    queryKey,
    // The path is built when asked: a preset range ("24h") counts back from that moment.
    queryFn: () => apiGet<AuditHistogram>(auditHistogramQuery(filters).path),
    refetchInterval: live ? 5000 : false,
  });
}

export const exportUrl = (filters: AuditFilters, format: "csv" | "ndjson") => withQuery("/api/v1/audit/export", { ...apiQuery(filters), format });

/** Issues a new audit webhook token for a cluster (revoking the old one); the response is the only time it is shown. */
export function useIssueAuditToken(cluster: string) {
  return useMutation({
    mutationFn: () => apiSend<AuditTokenIssued>("POST", `/api/v1/clusters/${encodeURIComponent(cluster)}/audit-token`),
    meta: { toast: () => toastMessage("toast.auditTokenIssued", { name: cluster }) },
  });
}
