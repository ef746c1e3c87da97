import { route } from "@/lib/api/route";
import { providerParams } from "@/lib/schemas/identity";
import { providerRow } from "@/lib/identity/providers";
import { testConnection } from "@/lib/identity/test-connection";

/** "Test connection": OIDC discovery answers, or the LDAP service account binds and searches. */
export const POST = route(
  { action: "identity-provider.test", permission: "settings.manage", resource: "identityproviders", params: providerParams, target: (p) => ({ name: p.name }) },
  async ({ params }) => testConnection(await providerRow(params.name)),
);
