import { route } from "@/lib/api/route";
import { auditExportQuery } from "@/lib/schemas/audit";
import { exportAudit } from "@/lib/audit/search";

// The same filters and visibility as /audit/events, streamed page by page as CSV or NDJSON.
export const GET = route({ action: "audit.export", permission: "authenticated", resource: "auditevents", query: auditExportQuery, responseTypes: ["text/csv", "application/x-ndjson"] }, async ({ principal, query }) => {
  const { format, ...filters } = query;
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  return new Response(await exportAudit(principal, filters, format), {
    headers: {
      "content-type": format === "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8",
      "content-disposition": `attachment; filename="audit-${stamp}.${format === "csv" ? "csv" : "ndjson"}"`,
      "cache-control": "no-store",
    },
  });
});

export * from "@/lib/api/unanswered";
