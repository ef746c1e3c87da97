import { route } from "@/lib/api/route";
import { openApiDocumentOut } from "@/lib/schemas/responses";
import { openApiDocument } from "@/lib/api/openapi";

// The API's OpenAPI 3.1 document, for any signed-in caller (as Kubernetes serves /openapi/v3 to authenticated users only).
export const GET = route({ action: "openapi.get", permission: "authenticated", resource: "openapi", response: openApiDocumentOut }, async () => openApiDocument());

export * from "@/lib/api/unanswered";
