import { roleItem } from "@/lib/api/handlers/roles";
import { platformLevel } from "@/lib/api/handlers/scoped";

const handlers = roleItem(platformLevel);
export const GET = handlers.GET;
export const PUT = handlers.PUT;
export const DELETE = handlers.DELETE;

export * from "@/lib/api/unanswered";
