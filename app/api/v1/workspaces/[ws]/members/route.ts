import { memberCollection } from "@/lib/api/handlers/members";
import { workspaceLevel } from "@/lib/api/handlers/scoped";

const handlers = memberCollection(workspaceLevel);
export const GET = handlers.GET;
export const POST = handlers.POST;

export * from "@/lib/api/unanswered";
