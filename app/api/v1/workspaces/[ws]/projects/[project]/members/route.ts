import { memberCollection } from "@/lib/api/handlers/members";
import { projectLevel } from "@/lib/api/handlers/scoped";

const handlers = memberCollection(projectLevel);
export const GET = handlers.GET;
export const POST = handlers.POST;

export * from "@/lib/api/unanswered";
