import { route } from "@/lib/api/route";
import { templatesQuery } from "@/lib/schemas/rbac";
import { templates } from "@/lib/rbac/catalogue";
import { listOf, templateOut } from "@/lib/schemas/responses";

/** The permission catalogue the role editor is built from. */
export const GET = route({ action: "template.list", permission: "authenticated", resource: "templates", query: templatesQuery, response: listOf(templateOut) }, async ({ query }) => ({
  items: templates.filter((t) => !query.scope || t.level === query.scope),
}));

export * from "@/lib/api/unanswered";
