import { memberItem } from "@/lib/api/handlers/members";
import { workspaceLevel } from "@/lib/api/handlers/scoped";

const handlers = memberItem(workspaceLevel);
export const GET = handlers.GET;
export const PATCH = handlers.PATCH;
export const DELETE = handlers.DELETE;

export * from "@/lib/api/unanswered";
