import { z } from "zod";
import { expiresAt, pageQuery } from "./common";

/** Length only: the rest of the policy (username, common passwords) is lib/identity/password-policy.ts. */
export const newPassword = z.string().min(12, "At least 12 characters.").max(256, "At most 256 characters.");

export const passwordChange = z.object({ currentPassword: z.string().min(1, "Required.").max(256), newPassword }).strict();
export type PasswordChange = z.infer<typeof passwordChange>;

export const tokenCreate = z
  .object({
    name: z.string().trim().min(1, "Required.").max(63, "At most 63 characters."),
    expiresInDays: z.number().int().min(1).max(3650).optional(),
  })
  .strict();
export type TokenCreate = z.infer<typeof tokenCreate>;

export const idParams = z.object({ id: z.uuid("Not an id.") });
export const recordsQuery = pageQuery.pick({ limit: true, cursor: true }).extend({ outcome: z.enum(["success", "failure"]).optional() });

// Identity providers. Secrets (OIDC client secret, LDAP bind password) are write-only: sent on create
// or to replace, sealed at rest, never returned.
const claim = z.string().trim().min(1).max(100);
export const oidcConfig = z
  .object({
    issuer: z.url("Not a URL."),
    clientId: z.string().trim().min(1, "Required.").max(256),
    scopes: z.string().trim().max(500).default("openid email profile"),
    usernameClaim: claim.default("preferred_username"),
    emailClaim: claim.default("email"),
    nameClaim: claim.default("name"),
    groupsClaim: claim.default("groups"),
  })
  .strict();
export type OidcConfig = z.infer<typeof oidcConfig>;

const attr = z.string().trim().min(1).max(100);
export const ldapConfig = z
  .object({
    url: z.string().regex(/^ldaps?:\/\/[^\s]+$/, "An ldap:// or ldaps:// URL."),
    startTls: z.boolean().default(false),
    insecureSkipVerify: z.boolean().default(false),
    /** PEM of the CA(s) to trust for ldaps:// and StartTLS instead of the system's; empty: the system's. */
    caCert: z
      .string()
      .trim()
      .max(65536)
      .refine((v) => !v || v.includes("-----BEGIN CERTIFICATE-----"), "A PEM certificate (-----BEGIN CERTIFICATE-----).")
      .default(""),
    bindDn: z.string().trim().max(500).default(""),
    userBase: z.string().trim().min(1, "Required.").max(500),
    userFilter: z.string().trim().max(500).default("(uid={username})"),
    usernameAttribute: attr.default("uid"),
    emailAttribute: attr.default("mail"),
    nameAttribute: attr.default("cn"),
    groupBase: z.string().trim().max(500).default(""),
    groupFilter: z.string().trim().max(500).default("(member={dn})"),
    groupNameAttribute: attr.default("cn"),
  })
  .strict()
  // ldaps:// is TLS from the first byte; StartTLS upgrades a plain ldap:// connection. Both at once cannot work.
  .refine((c) => !(c.startTls && c.url.startsWith("ldaps://")), { path: ["startTls"], message: "StartTLS is for ldap:// URLs; ldaps:// is already TLS." });
export type LdapConfig = z.infer<typeof ldapConfig>;

const providerCommon = {
  name: z.string().min(1).max(40).regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, "Lowercase letters, digits and '-'."),
  displayName: z.string().trim().max(128).optional(),
  enabled: z.boolean().default(true),
  mappingMethod: z.enum(["auto", "lookup"]).default("auto"),
  secret: z.string().max(4096).optional(),
};
export const providerBody = z.discriminatedUnion("type", [
  z.object({ ...providerCommon, type: z.literal("oidc"), config: oidcConfig }).strict(),
  z.object({ ...providerCommon, type: z.literal("ldap"), config: ldapConfig }).strict(),
]);
export type ProviderBody = z.infer<typeof providerBody>;
export const providerParams = z.object({ name: providerCommon.name });
/** "Test connection" takes nothing (the saved provider) or a provider body (the form as it stands). */
export const providerTestBody = z.preprocess((v) => (v && typeof v === "object" && Object.keys(v).length ? v : undefined), providerBody.optional());

export const bindingBody = z
  .object({
    group: z.string().trim().min(1, "Required.").max(256),
    workspace: z.string().min(1).max(63),
    project: z.string().max(63).optional(),
    role: z.string().min(1).max(63),
    /** The binding, and the memberships it grants, end by themselves then. */
    expiresAt: expiresAt.optional(),
  })
  .strict();
export type BindingBody = z.infer<typeof bindingBody>;
/** A binding's expiry changed or (null) removed. */
export const bindingPatch = z.object({ expiresAt: expiresAt.nullable() }).strict();
export const bindingParams = z.object({ name: providerCommon.name, id: z.uuid("Not an id.") });
