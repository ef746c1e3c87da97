import { memberItem } from "@/lib/api/handlers/members";
import { projectLevel } from "@/lib/api/handlers/scoped";

const handlers = memberItem(projectLevel);
export const GET = handlers.GET;
export const PATCH = handlers.PATCH;
export const DELETE = handlers.DELETE;

export * from "@/lib/api/unanswered";
