import { route } from "@/lib/api/route";
import { auditHistogramQuery } from "@/lib/schemas/audit";
import { auditHistogram } from "@/lib/audit/search";
import { auditHistogramOut } from "@/lib/schemas/responses";

// Counts per interval for the same filters as /audit/events, within the caller's audit scopes.
export const GET = route({ action: "audit.histogram", permission: "authenticated", resource: "auditevents", query: auditHistogramQuery, response: auditHistogramOut }, async ({ principal, query }) =>
  auditHistogram(principal, query),
);

export * from "@/lib/api/unanswered";
