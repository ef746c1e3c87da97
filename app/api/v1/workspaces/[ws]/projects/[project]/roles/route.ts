import { roleCollection } from "@/lib/api/handlers/roles";
import { projectLevel } from "@/lib/api/handlers/scoped";

const handlers = roleCollection(projectLevel);
export const GET = handlers.GET;
export const POST = handlers.POST;

export * from "@/lib/api/unanswered";
