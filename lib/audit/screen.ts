// The events of a Kubernetes audit batch the log cannot take, refused one by one (as kube-apiserver's own
// webhook backend would have no way to fix them, a whole-batch error would only make it retry them forever):
// timestamps outside [now - retention, now + 5 min] (a 2099 event would sort first forever; a year -200000
// is no timestamp PostgreSQL holds) and fields with NUL or lone surrogates. Request and response objects
// keep such strings as U+FFFD instead: a ConfigMap may hold a NUL, and that change must still be logged.
import type { KubeAuditEvent, KubeAuditEventList } from "../schemas/audit";
import { badStrings, toStorable } from "../api/body";
import { retentionDays } from "./retention";

export const MAX_CLOCK_SKEW_MS = 5 * 60_000;
const MAX_REFUSALS_LISTED = 20;

export interface Refusal {
  auditID: string;
  reason: string;
}

function timestampIssue(e: KubeAuditEvent, now: number, earliest: number): string | undefined {
  for (const field of ["requestReceivedTimestamp", "stageTimestamp"] as const) {
    const t = Date.parse(e[field]);
    if (t < earliest) return `${field} ${e[field]} is older than the audit retention (${retentionDays()} days).`;
    if (t > now + MAX_CLOCK_SKEW_MS) return `${field} ${e[field]} is more than 5 minutes in the future.`;
  }
  return undefined;
}

const clean = (v: unknown): unknown => {
  if (typeof v === "string") return toStorable(v);
  if (Array.isArray(v)) return v.map(clean);
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [clean(k) as string, clean(x)]));
  return v;
};

/**
 * `unstorable`: whether any string of the list may hold NUL or a lone surrogate. The webhook knows it holds none
 * when its body has no \u0000 or surrogate escape (JSON text has no raw NUL, and decoded UTF-8 no lone surrogate),
 * and then skips walking every string of every event.
 */
export function screenEvents(list: KubeAuditEventList, now = Date.now(), unstorable = true): { list: KubeAuditEventList; refused: number; refusals: Refusal[] } {
  const items: KubeAuditEvent[] = [];
  const refusals: Refusal[] = [];
  let refused = 0;
  const earliest = now - retentionDays() * 86_400_000;
  for (const e of list.items) {
    const { requestObject, responseObject, ...fields } = e;
    const bad = unstorable ? badStrings(fields, "event")[0] : undefined;
    const reason = bad ? `${bad.path}: ${bad.message}` : timestampIssue(e, now, earliest);
    if (reason) {
      refused++;
      if (refusals.length < MAX_REFUSALS_LISTED) refusals.push({ auditID: clean(e.auditID) as string, reason: clean(reason) as string });
      continue;
    }
    items.push(unstorable ? { ...e, requestObject: clean(requestObject), responseObject: clean(responseObject) } : e);
  }
  return { list: { ...list, items }, refused, refusals };
}
