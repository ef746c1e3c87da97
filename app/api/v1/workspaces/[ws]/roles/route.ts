import { roleCollection } from "@/lib/api/handlers/roles";
import { workspaceLevel } from "@/lib/api/handlers/scoped";

const handlers = roleCollection(workspaceLevel);
export const GET = handlers.GET;
export const POST = handlers.POST;

export * from "@/lib/api/unanswered";
