"use client";
import { useInfiniteQuery, useMutation, useQuery } from "@tanstack/react-query";
import { apiGet, apiSend, withQuery } from "../api";
import type { AuditEvent, AuditHistogram, AuditOutcome, AuditTokenIssued, Page } from "../types";
import { toastMessage } from "../toast";
import type { MessageKey } from "@/lib/i18n";

/** Every filter of GET /api/v1/audit/events, as the URL holds them (`range` is a preset like 24h, or custom from/to). */
export interface AuditFilters {
  range?: string;
  from?: string;
  to?: string;
  user?: string;
  workspace?: string;
  project?: string;
  cluster?: string;
  resource?: string;
  name?: string;
  verb?: string;
  status?: string;
  outcome?: AuditOutcome | "";
  ip?: string;
  source?: "console" | "kubernetes" | "";
  q?: string;
}

export const FILTER_KEYS = ["range", "from", "to", "user", "workspace", "project", "cluster", "resource", "name", "verb", "status", "outcome", "ip", "source", "q"] as const;

export const RANGE_PRESETS: Record<string, { label: MessageKey; ms: number }> = {
  "15m": { label: "audit.range.15m", ms: 15 * 60_000 },
  "1h": { label: "audit.range.1h", ms: 3_600_000 },
  "24h": { label: "audit.range.24h", ms: 86_400_000 },
  "7d": { label: "audit.range.7d", ms: 7 * 86_400_000 },
  "30d": { label: "audit.range.30d", ms: 30 * 86_400_000 },
};

/** The API's query for the filters: a preset becomes `from` relative to now; `range` itself is not sent. */
export function apiQuery(f: AuditFilters, now = Date.now()): Record<string, string | undefined> {
  const { range, from, to, ...rest } = f;
  const preset = range ? RANGE_PRESETS[range] : undefined;
  const time = preset ? { from: new Date(now - preset.ms).toISOString() } : { from: from ? new Date(from).toISOString() : undefined, to: to ? new Date(to).toISOString() : undefined };
  return { ...rest, ...time } as Record<string, string | undefined>;
}

const PAGE_SIZE = 50;

/** Audit events newest first; fetchNextPage() follows nextCursor for "Load more"; `live` re-polls every 5 s. */
export function useAuditEvents(filters: AuditFilters, live = false) {
  return useInfiniteQuery({
    queryKey: ["audit", filters],
    queryFn: ({ pageParam }) => apiGet<Page<AuditEvent>>("/api/v1/audit/events", { ...apiQuery(filters), limit: PAGE_SIZE, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: live ? 5000 : false,
  });
}

export function useAuditHistogram(filters: AuditFilters, live = false) {
  return useQuery({
    queryKey: ["audit-histogram", filters],
    queryFn: () => apiGet<AuditHistogram>("/api/v1/audit/histogram", { ...apiQuery(filters), interval: "auto" }),
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
