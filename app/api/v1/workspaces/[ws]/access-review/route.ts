import { accessReviewRoute } from "@/lib/api/handlers/access-review";
import { workspaceLevel } from "@/lib/api/handlers/scoped";

export const GET = accessReviewRoute(workspaceLevel);

export * from "@/lib/api/unanswered";
