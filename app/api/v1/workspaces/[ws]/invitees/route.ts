import { inviteeCollection } from "@/lib/api/handlers/members";
import { workspaceLevel } from "@/lib/api/handlers/scoped";

export const GET = inviteeCollection(workspaceLevel).GET;

export * from "@/lib/api/unanswered";
