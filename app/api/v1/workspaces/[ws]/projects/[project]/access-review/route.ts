import { accessReviewRoute } from "@/lib/api/handlers/access-review";
import { projectLevel } from "@/lib/api/handlers/scoped";

export const GET = accessReviewRoute(projectLevel);

export * from "@/lib/api/unanswered";
