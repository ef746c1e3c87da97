// What every request body and string goes through before a schema sees it: a size cap enforced while the
// body streams in (whatever Content-Length claims, chunked bodies too), and a refusal of strings PostgreSQL
// cannot store (NUL) or UTF-8 cannot encode (lone surrogates).
import { AppError, type FieldIssue } from "./errors";

/** The default cap of an /api/v1 body: far above any form, far below what would cost us memory. */
export const MAX_BODY_BYTES = 1024 * 1024;

export const tooLarge = (max: number) =>
  new AppError(413, "too_large", `The request body is larger than ${max} bytes.`, [], { maxBytes: max });

/** Reads the body as UTF-8 text, stopping (and cancelling the upload) as soon as it passes `max` bytes. */
export async function readText(req: Request, max = MAX_BODY_BYTES): Promise<string> {
  if (Number(req.headers.get("content-length") ?? 0) > max) throw tooLarge(max);
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read().catch(() => {
      throw new AppError(400, "bad_request", "The request body could not be read.");
    });
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(max);
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const UNSTORABLE = new RegExp(`\u0000|${LONE_SURROGATE.source}`, "g");

// How JSON text writes NUL and lone surrogates (JSON allows neither raw; decoded UTF-8 holds no lone surrogate, and
// JSON.stringify writes both as these escapes). A literal backslash before such text matches too, which only costs a
// careful path.
const UNSTORABLE_ESCAPE = /\\u(?:0000|d[89a-f])/i;

/** Whether JSON text may hold a string PostgreSQL cannot store (then each string is looked at, else none is). */
export const mayHoldUnstorable = (json: string) => UNSTORABLE_ESCAPE.test(json);

/** `s` with each NUL and lone surrogate as U+FFFD. */
export const toStorable = (s: string) => s.replace(UNSTORABLE, "\ufffd");

/** Why a string cannot be stored, or undefined. */
export function badString(s: string): string | undefined {
  if (s.includes("\u0000")) return "Contains a NUL character.";
  if (LONE_SURROGATE.test(s)) return "Contains an unpaired UTF-16 surrogate (not valid Unicode).";
  return undefined;
}

/** Every string (keys too) in a parsed JSON value, params or query that cannot be stored, by field path. */
export function badStrings(value: unknown, where = "body", path: string[] = [], out: FieldIssue[] = []): FieldIssue[] {
  const at = (p: string[]) => p.map(toStorable).join(".") || where;
  if (out.length >= 20) return out;
  if (typeof value === "string") {
    const why = badString(value);
    if (why) out.push({ path: at(path), message: why });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => badStrings(v, where, [...path, String(i)], out));
  } else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      const why = badString(k);
      if (why) out.push({ path: at([...path, k]), message: why });
      badStrings(v, where, [...path, k], out);
    }
  }
  return out;
}
