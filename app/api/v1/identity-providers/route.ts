import { route } from "@/lib/api/route";
import { identityProviderOut, listOf } from "@/lib/schemas/responses";
import { providerBody } from "@/lib/schemas/identity";
import { createProvider, listProviders } from "@/lib/identity/providers";
import { assertHoldsEveryPlatformPermission } from "@/lib/rbac/covers-principal";

export const GET = route({ action: "identity-provider.list", permission: "settings.view", resource: "identityproviders", response: listOf(identityProviderOut) }, async () => ({ items: await listProviders() }));

export const POST = route(
  { action: "identity-provider.create", permission: "settings.manage", resource: "identityproviders", body: providerBody, status: 201, response: identityProviderOut, target: (_p, b) => ({ name: b.name }) },
  async ({ body, principal }) => {
    // A provider can sign people in: that is platform-admin level (README, Security).
    assertHoldsEveryPlatformPermission(principal, "Managing identity providers");
    return createProvider(body);
  },
);

export * from "@/lib/api/unanswered";
