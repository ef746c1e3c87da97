import { route } from "@/lib/api/route";
import { auditQuery } from "@/lib/schemas/audit";
import { searchAudit } from "@/lib/audit/search";
import { auditEventOut, pageOf } from "@/lib/schemas/responses";

// Everyone may search; searchAudit() narrows the results to the scopes the caller may audit.
export const GET = route({ action: "audit.search", permission: "authenticated", resource: "auditevents", query: auditQuery, response: pageOf(auditEventOut) }, async ({ principal, query }) =>
  searchAudit(principal, query),
);

export * from "@/lib/api/unanswered";
