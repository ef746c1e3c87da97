// The audit search's filters as the URL holds them, and the API query they become. Read the same way by the audit
// page in the browser and by its server render, which asks the first page ahead (lib/web/prefetch.tsx).
import type { MessageKey } from "@/lib/i18n";
import type { AuditOutcome } from "./types";

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

/** The filters in a URL's query (`get`: a key's value there). */
export function auditFiltersFrom(get: (key: string) => string | null | undefined): AuditFilters {
  const filters: AuditFilters = {};
  for (const key of FILTER_KEYS) {
    const v = get(key);
    if (v) (filters as Record<string, string>)[key] = v;
  }
  return filters;
}
