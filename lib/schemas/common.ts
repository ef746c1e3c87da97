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

/** A list's `sort`: one of its fields ascending, or `-field` descending; the first field is the default. */
export const sortParam = <const F extends string>(fields: readonly [F, ...F[]]) => {
  const values = fields.flatMap((f) => [f, `-${f}`]) as [F | `-${F}`, ...(F | `-${F}`)[]];
  // zod's enum output is a mapped type TypeScript cannot relate to a generic F: the first field is one of the values.
  return z.enum(values).default(fields[0] as never);
};

// RFC 3339 with its offset: a local time without one would mean whatever the server's zone is.
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;
const LATEST = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
/** Date.parse() rolls 02-30 over to March: each field must be in its range. */
const inRange = (s: string) => {
  const [y, mo, d, h, mi, sec = 0] = s.match(/\d+/g)!.slice(0, 6).map(Number) as number[];
  return mo! >= 1 && mo! <= 12 && d! >= 1 && d! <= new Date(Date.UTC(y!, mo!, 0)).getUTCDate() && h! < 24 && mi! < 60 && sec < 60;
};

/** When a membership ends: a future instant that PostgreSQL's timestamptz holds. */
export const expiresAt = z
  .string()
  .max(64)
  .refine((s) => RFC3339.test(s) && inRange(s) && !Number.isNaN(Date.parse(s)), { message: "An RFC 3339 timestamp.", abort: true })
  .transform((s) => new Date(s))
  .refine((d) => d.getTime() <= LATEST, { message: "A date between 1970-01-01 and 9999-12-31.", abort: true })
  .refine((d) => d.getTime() > Date.now(), "A time in the future.");
