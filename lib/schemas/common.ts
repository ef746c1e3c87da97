import { z } from "zod";

/** RFC 1123 label, as Kubernetes requires for namespace names. */
export const dnsLabel = z
  .string()
  .min(1, "Required.")
  .max(63, "At most 63 characters.")
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, "Lowercase letters, digits and '-', starting and ending with a letter or digit.");

export const displayName = z.string().trim().max(128, "At most 128 characters.");
export const description = z.string().trim().max(1024, "At most 1024 characters.");

/** Keyset pagination: `limit` items after the opaque `cursor`. */
export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(200).optional(),
  q: z.string().max(100).optional(),
});
