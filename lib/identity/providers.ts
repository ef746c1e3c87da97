// Identity providers as platform admins configure them: secrets sealed at rest and never returned.
import type { IdentityProvider, Prisma } from "@prisma/client";
import { db } from "../db/client";
import { conflict, invalid, notFound } from "../api/errors";
import { seal, unseal } from "../crypto/seal";
import { providerBody, type LdapConfig, type OidcConfig, type ProviderBody } from "../schemas/identity";
import { withdrawBindings } from "./binding-grants";

export type ProviderRow = IdentityProvider;
/** What a connection needs: a saved provider, or a configuration still in the form. */
export type ProviderSettings = Pick<IdentityProvider, "type" | "config" | "secret">;

export function present(p: IdentityProvider) {
  const { secret, config, ...rest } = p;
  return { ...rest, config: config as OidcConfig | LdapConfig, hasSecret: !!secret };
}
export type ProviderDto = ReturnType<typeof present>;

export const secretOf = (p: ProviderSettings) => (p.secret ? unseal(p.secret) : "");
export const oidcConfigOf = (p: ProviderSettings) => p.config as OidcConfig;
export const ldapConfigOf = (p: ProviderSettings) => p.config as LdapConfig;

export async function listProviders(): Promise<ProviderDto[]> {
  return (await db().identityProvider.findMany({ orderBy: { name: "asc" } })).map(present);
}

export async function providerRow(name: string): Promise<IdentityProvider> {
  const p = await db().identityProvider.findUnique({ where: { name } });
  if (!p) throw notFound(`Identity provider "${name}"`);
  return p;
}

/** What the sign-in page offers: enabled providers, no configuration. */
export async function signInProviders() {
  return db().identityProvider.findMany({ where: { enabled: true }, orderBy: { name: "asc" }, select: { name: true, type: true, displayName: true } });
}

const data = (b: ProviderBody) => ({
  type: b.type,
  displayName: b.displayName ?? null,
  enabled: b.enabled,
  mappingMethod: b.mappingMethod,
  config: b.config as Prisma.InputJsonValue,
  ...(b.secret !== undefined ? { secret: b.secret ? seal(b.secret) : null } : {}),
});

export async function createProvider(b: ProviderBody): Promise<ProviderDto> {
  if (b.name === "local") throw conflict(`"local" is the name of local accounts.`, "already_exists");
  if (await db().identityProvider.findUnique({ where: { name: b.name }, select: { id: true } }))
    throw conflict(`An identity provider named "${b.name}" already exists.`, "already_exists");
  return present(await db().identityProvider.create({ data: { name: b.name, ...data(b) } }));
}

// Where a stored secret goes and how it is protected on the way: change any of these and the stored secret
// stays behind, so nobody can send it to a host of their choosing (or past a check they turned off).
const DESTINATION: Record<string, string[]> = {
  ldap: ["url", "startTls", "insecureSkipVerify", "caCert", "bindDn"],
  oidc: ["issuer", "clientId"],
};
const sameDestination = (stored: ProviderSettings, b: ProviderBody) => {
  const [was, now] = [stored.config as Record<string, unknown>, b.config as Record<string, unknown>];
  return stored.type === b.type && DESTINATION[b.type]!.every((k) => JSON.stringify(was[k]) === JSON.stringify(now[k]));
};
/** Whether the configuration sends its secret anywhere (an LDAP service account binds; an OIDC client authenticates). */
const usesSecret = (b: ProviderBody) => b.type === "oidc" || !!b.config.bindDn;

/**
 * The sealed secret a body stands for: its own, or the stored one only when the destination is the stored
 * one. A changed destination that needs a secret without one is 422 on `secret`.
 */
function secretFor(stored: ProviderSettings | null, b: ProviderBody, needed: boolean): string | null {
  if (b.secret !== undefined) return b.secret ? seal(b.secret) : null;
  if (!stored?.secret) return null;
  if (sameDestination(stored, b)) return stored.secret;
  if (needed && usesSecret(b))
    throw invalid([{ path: "secret", message: "The destination changed: enter the secret again (the stored one is used only with the stored destination)." }]);
  return null;
}

/** Replaces the configuration; an omitted secret keeps the stored one, as long as the destination stays. */
export async function updateProvider(name: string, b: ProviderBody): Promise<ProviderDto> {
  const stored = await providerRow(name);
  const secret = secretFor(stored, b, true);
  return present(await db().identityProvider.update({ where: { name }, data: { ...data(b), secret } }));
}

/** A configuration to test before saving it; an omitted secret is the stored one, only against the stored destination. */
export async function draftSettings(name: string, b: ProviderBody): Promise<ProviderSettings> {
  const stored = await db().identityProvider.findUnique({ where: { name }, select: { type: true, config: true, secret: true } });
  // Discovery, all an OIDC test does, needs no secret: none goes with a changed issuer.
  return { type: b.type, config: b.config, secret: secretFor(stored, b, b.type === "ldap") };
}

export async function deleteProvider(name: string): Promise<void> {
  const p = await providerRow(name);
  await withdrawBindings({ providerId: p.id });
  await db().identityProvider.delete({ where: { name } });
}

/** Automated installs: TENANTRY_IDENTITY_PROVIDERS holds a JSON array of provider bodies, upserted by name. */
export async function applyProvidersFromEnv(json = process.env.TENANTRY_IDENTITY_PROVIDERS): Promise<string[]> {
  if (!json) return [];
  const bodies = providerBody.array().parse(JSON.parse(json));
  for (const b of bodies) {
    if (await db().identityProvider.findUnique({ where: { name: b.name }, select: { id: true } })) await updateProvider(b.name, b);
    else await createProvider(b);
  }
  return bodies.map((b) => b.name);
}
