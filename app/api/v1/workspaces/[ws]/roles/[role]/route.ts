import { roleItem } from "@/lib/api/handlers/roles";
import { workspaceLevel } from "@/lib/api/handlers/scoped";

const handlers = roleItem(workspaceLevel);
export const GET = handlers.GET;
export const PUT = handlers.PUT;
export const DELETE = handlers.DELETE;

export * from "@/lib/api/unanswered";
