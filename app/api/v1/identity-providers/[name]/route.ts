import { route } from "@/lib/api/route";
import { identityProviderOut } from "@/lib/schemas/responses";
import { providerBody, providerParams } from "@/lib/schemas/identity";
import { deleteProvider, present, providerRow, updateProvider } from "@/lib/identity/providers";
import { invalid } from "@/lib/api/errors";
import { assertHoldsEveryPlatformPermission } from "@/lib/rbac/covers-principal";

const base = { resource: "identityproviders", params: providerParams, target: (p: { name: string }) => ({ name: p.name }) } as const;

export const GET = route({ ...base, action: "identity-provider.get", permission: "settings.view", response: identityProviderOut }, async ({ params }) => present(await providerRow(params.name)));

/** Replaces the configuration (the name is the path's); omit `secret` to keep the stored one. Platform-admin level (README, Security). */
export const PUT = route({ ...base, action: "identity-provider.update", permission: "settings.manage", body: providerBody, response: identityProviderOut }, async ({ params, body, principal }) => {
  assertHoldsEveryPlatformPermission(principal, "Managing identity providers");
  if (body.name !== params.name) throw invalid([{ path: "name", message: "The name cannot change." }]);
  return updateProvider(params.name, body);
});

export const DELETE = route({ ...base, action: "identity-provider.delete", permission: "settings.manage", status: 204 }, async ({ params, principal }) => {
  assertHoldsEveryPlatformPermission(principal, "Managing identity providers");
  await deleteProvider(params.name);
});

export * from "@/lib/api/unanswered";
