import { route } from "@/lib/api/route";
import { connectionTestOut } from "@/lib/schemas/responses";
import { invalid } from "@/lib/api/errors";
import { providerParams, providerTestBody } from "@/lib/schemas/identity";
import { draftSettings, providerRow } from "@/lib/identity/providers";
import { testConnection } from "@/lib/identity/test-connection";
import { localizeServerMessage } from "@/lib/i18n/server-messages";

/**
 * "Test connection": OIDC discovery answers, or the LDAP service account binds and searches. Without a body
 * the saved provider is tested; with one, that configuration (a form not saved yet, the stored secret
 * standing in for an omitted one).
 */
export const POST = route(
  { action: "identity-provider.test", permission: "settings.manage", resource: "identityproviders", params: providerParams, body: providerTestBody, response: connectionTestOut, target: (p) => ({ name: p.name }) },
  async ({ params, body, locale }) => {
    if (body && body.name !== params.name) throw invalid([{ path: "name", message: "The name cannot change." }]);
    const result = await testConnection(body ? await draftSettings(params.name, body) : await providerRow(params.name));
    return { ...result, message: localizeServerMessage(result.message, locale) };
  },
);

export * from "@/lib/api/unanswered";
