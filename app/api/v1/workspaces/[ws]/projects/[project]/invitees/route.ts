import { inviteeCollection } from "@/lib/api/handlers/members";
import { projectLevel } from "@/lib/api/handlers/scoped";

export const GET = inviteeCollection(projectLevel).GET;

export * from "@/lib/api/unanswered";
