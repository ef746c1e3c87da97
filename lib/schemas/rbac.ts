import { z } from "zod";
import { description, displayName, dnsLabel, expiresAt } from "./common";
import { newPassword } from "./identity";

export const roleName = dnsLabel;

export const roleBody = z.object({
  name: roleName,
  displayName: displayName.optional(),
  description: description.optional(),
  templates: z.array(z.string().max(100)).max(200),
});
export type RoleBody = z.infer<typeof roleBody>;

/** PUT replaces everything but the name (which is in the path). */
export const roleUpdate = roleBody.omit({ name: true });
export type RoleUpdate = z.infer<typeof roleUpdate>;

export const templatesQuery = z.object({ scope: z.enum(["platform", "workspace", "project"]).optional() });

export const username = z
  .string()
  .min(1, "Required.")
  .max(63, "At most 63 characters.")
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, "Lowercase letters, digits and '-', starting and ending with a letter or digit.");

/** expiresAt: the membership ends by itself then (lib/tenancy/expiry.ts); absent or, in PATCH, null: never. */
export const memberBody = z.object({ username, role: roleName, expiresAt: expiresAt.optional() });
export const memberPatch = z
  .object({ role: roleName.optional(), expiresAt: expiresAt.nullable().optional() })
  .strict()
  .refine((p) => p.role !== undefined || p.expiresAt !== undefined, { message: "Give a role, an expiresAt or both.", path: ["role"] });

/** The length rule; lib/identity/password-policy.ts checks the rest wherever a password is set. */
export const password = newPassword;

export const userCreate = z
  .object({
    username,
    password,
    displayName: displayName.optional(),
    email: z.email("Not an email address.").max(254).optional(),
    platformRole: roleName.default("platform-regular"),
    mustChangePassword: z.boolean().default(true),
  });
export type UserCreate = z.infer<typeof userCreate>;

export const userPatch = z
  .object({
    displayName: displayName.nullable().optional(),
    email: z.email("Not an email address.").max(254).nullable().optional(),
    platformRole: roleName.optional(),
    status: z.enum(["active", "disabled"]).optional(),
    password: password.optional(),
    mustChangePassword: z.boolean().optional(),
    /** Links the user to the identity provider of that name, which may then sign them in; null unlinks. */
    identityProvider: z.string().min(1).max(40).nullable().optional(),
  })
  .strict();
export type UserPatch = z.infer<typeof userPatch>;

export const userParams = z.object({ username });
export const accessReviewQuery = z.object({ action: z.string().min(1).max(100) });
