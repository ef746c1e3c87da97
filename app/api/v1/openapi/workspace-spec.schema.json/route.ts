import { route } from "@/lib/api/route";
import { workspaceSpecSchema, workspaceSpecSchemaOut } from "@/lib/tenancy/spec/schema";

// The JSON Schema of a workspace spec document (GET/PUT /api/v1/workspaces/{ws}/spec), beside the OpenAPI
// document and for the same callers; docs/workspace-spec.schema.json is the same file for editors.
export const GET = route(
  { action: "openapi.workspace-spec.get", permission: "authenticated", resource: "openapi", response: workspaceSpecSchemaOut },
  async () => workspaceSpecSchema(),
);

export * from "@/lib/api/unanswered";
