import { roleCollection } from "@/lib/api/handlers/roles";
import { platformLevel } from "@/lib/api/handlers/scoped";

const handlers = roleCollection(platformLevel);
export const GET = handlers.GET;
export const POST = handlers.POST;

export * from "@/lib/api/unanswered";
