import { route } from "@/lib/api/route";
import { verifyChain } from "@/lib/audit/verify";
import { auditVerifyOut } from "@/lib/schemas/responses";

// Walks the whole chain: intact, or the first broken link. Platform auditors only.
export const GET = route({ action: "audit.verify", permission: "audit.view", resource: "auditevents", response: auditVerifyOut }, async () => verifyChain());

export * from "@/lib/api/unanswered";
