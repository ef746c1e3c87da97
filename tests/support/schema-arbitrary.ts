// fast-check arbitraries from a route's zod schemas (through z.toJSONSchema), mixed with adversarial values:
// the shape a schema asks for gets the request past the first checks, the odd values test what comes after.
import fc from "fast-check";
import { z } from "zod";

type Json = Record<string, unknown>;

/** Strings that break naive code: NUL, lone surrogates, escapes, paths, wildcards, numbers that overflow. */
export const nastyStrings = [
  "", " ", "\u0000", "a\u0000b", "\uD800", "x\uDC00y", "\uDBFF\uDFFF", "\u202E", "\uFEFF", "é".normalize("NFD"), "%", "_", "*", "?", "\\", "'", "\"", "`",
  "../", "..%2f..%2f", "/etc/passwd", "%00", "%ZZ", "${x}", "{{x}}", "<script>", "'; DROP TABLE \"User\"; --", "\r\nx: y",
  "0", "-1", "1e1000000", "-1e1000000", "NaN", "Infinity", "0x10", "1.5", "9007199254740993", "99999999999999999999999999", "1Ei", "1e3Ki", "-0",
  "true", "null", "undefined", "[]", "{}", "__proto__", "constructor", "a".repeat(64), "a".repeat(254), "1970-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "0000-00-00",
];
export const nastyNumbers = [0, -0, -1, 1, 0.5, -0.5, 2 ** 31, 2 ** 32, 2 ** 53, 2 ** 53 + 2, -(2 ** 53), Number.MAX_SAFE_INTEGER, 1e308, -1e308, 5e-324, 1e21];

const huge = (n: number) => fc.constantFrom("a", "\u0000", "\uD800", "é").map((c) => c.repeat(n));
const nasty = (hugeLength: number): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...nastyStrings) },
    { weight: 3, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
    { weight: 2, arbitrary: fc.tuple(fc.string({ maxLength: 10 }), fc.constantFrom("\u0000", "\uD800", "\uDFFF"), fc.string({ maxLength: 10 })).map((p) => p.join("")) },
    { weight: 1, arbitrary: huge(hugeLength) },
  );
/** Odd strings, up to 1 MiB, for bodies. */
export const nastyString = nasty(1 << 20);
/** Odd strings that still fit in a URL (Node refuses request lines over 16 KiB before any handler runs). */
export const nastyUrlString = nasty(1000);

/** Deep structures: 2,000 levels of arrays or objects. */
const deep = fc.constantFrom("array", "object").map((kind) => {
  let v: unknown = "x";
  for (let i = 0; i < 2000; i++) v = kind === "array" ? [v] : { a: v };
  return v;
});

/** Any JSON value at all, odd ones first: what a schema does not expect. */
export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: nastyString },
  { weight: 3, arbitrary: fc.constantFrom<unknown>(...nastyNumbers, null, true, false, [], {}, [null], { "": null }, { __proto__: { admin: true } }) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: deep },
  { weight: 1, arbitrary: fc.constant(Array.from({ length: 10_000 }, (_, i) => i)) },
);

interface Ctx {
  root: Json;
  depth: number;
  /** Values to prefer for a property name (real names of fixtures), e.g. { cluster: ["c-1"] }. */
  known: Record<string, readonly string[]>;
}

/** A JSON schema node's arbitrary: mostly the shape it asks for, sometimes anything at all. */
function node(s: Json | boolean | undefined, ctx: Ctx, key?: string): fc.Arbitrary<unknown> {
  const shaped = shapedNode(s, ctx, key);
  return fc.oneof({ weight: 5, arbitrary: shaped }, { weight: 1, arbitrary: nastyValue });
}

function shapedNode(s: Json | boolean | undefined, ctx: Ctx, key?: string): fc.Arbitrary<unknown> {
  if (s === undefined || s === true || s === false || ctx.depth > 6) return nastyValue;
  if (typeof s.$ref === "string") return shapedNode(resolve(ctx.root, s.$ref), { ...ctx, depth: ctx.depth + 1 }, key);
  const known = key ? ctx.known[key] : undefined;
  const inner = { ...ctx, depth: ctx.depth + 1 };
  if (Array.isArray(s.anyOf ?? s.oneOf)) return fc.oneof(...((s.anyOf ?? s.oneOf) as Json[]).map((x) => shapedNode(x, inner, key)));
  if (Array.isArray(s.allOf) && s.allOf.length) return shapedNode(s.allOf[0] as Json, inner, key);
  if ("const" in s) return fc.constant(s.const);
  if (Array.isArray(s.enum)) return fc.constantFrom(...(s.enum as unknown[]));
  const types = Array.isArray(s.type) ? (s.type as string[]) : typeof s.type === "string" ? [s.type] : [];
  if (!types.length) return nastyValue;
  return fc.oneof(...types.map((t) => typed(t, s, inner, known)));
}

function typed(type: string, s: Json, ctx: Ctx, known?: readonly string[]): fc.Arbitrary<unknown> {
  switch (type) {
    case "string": {
      const base = stringOf(s);
      return known?.length ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...known) }, { weight: 1, arbitrary: base }) : base;
    }
    case "integer":
    case "number": {
      const min = typeof s.minimum === "number" ? s.minimum : -1e6;
      const max = typeof s.maximum === "number" ? s.maximum : 1e6;
      const inRange = type === "integer" ? fc.integer({ min: Math.max(min, -(2 ** 31)), max: Math.min(max, 2 ** 31) }) : fc.double({ min, max, noNaN: true });
      return fc.oneof({ weight: 3, arbitrary: inRange }, { weight: 1, arbitrary: fc.constantFrom(min - 1, max + 1, min, max, ...nastyNumbers) });
    }
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array": {
      const maxLength = Math.min(typeof s.maxItems === "number" ? s.maxItems + 1 : 4, 4);
      return fc.array(node(s.items as Json, ctx), { maxLength });
    }
    case "object":
      return objectOf(s, ctx);
    default:
      return nastyValue;
  }
}

function stringOf(s: Json): fc.Arbitrary<string> {
  const maxLength = typeof s.maxLength === "number" ? s.maxLength : undefined;
  const options: fc.Arbitrary<string>[] = [];
  if (typeof s.pattern === "string") options.push(fc.stringMatching(new RegExp(s.pattern)));
  switch (s.format) {
    case "uuid": options.push(fc.uuid()); break;
    case "uri": case "url": options.push(fc.webUrl()); break;
    case "email": options.push(fc.emailAddress()); break;
    case "date-time": options.push(fc.date({ noInvalidDate: true }).map((d) => d.toISOString())); break;
  }
  options.push(fc.string({ minLength: typeof s.minLength === "number" ? s.minLength : 0, maxLength: Math.min(maxLength ?? 40, 40) }));
  if (maxLength !== undefined) options.push(fc.constant("a".repeat(maxLength + 1)));
  return fc.oneof(...options);
}

function objectOf(s: Json, ctx: Ctx): fc.Arbitrary<Record<string, unknown>> {
  const props = (s.properties ?? {}) as Record<string, Json>;
  const required = new Set((s.required ?? []) as string[]);
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [k, v] of Object.entries(props)) model[k] = node(v, ctx, k);
  const fixed = fc.record(model, { requiredKeys: Object.keys(props).filter((k) => required.has(k)) });
  const extraValue = typeof s.additionalProperties === "object" ? node(s.additionalProperties as Json, ctx) : nastyValue;
  const extraKey = s.propertyNames && typeof s.propertyNames === "object" ? fc.oneof(stringOf(s.propertyNames as Json), nastyString) : nastyString;
  const extra = fc.dictionary(extraKey, extraValue, { maxKeys: s.additionalProperties === false || !s.additionalProperties ? 1 : 4 });
  // Now and then an unknown key, or a required one missing.
  return fc.tuple(fixed, extra, fc.nat(7)).map(([f, e, dice]) => {
    if (dice === 0) return { ...e, ...f };
    if (dice === 1 && required.size) {
      const { [[...required][0]!]: _, ...rest } = f;
      return rest;
    }
    return f;
  });
}

function resolve(root: Json, ref: string): Json | undefined {
  const path = ref.replace(/^#\//, "").split("/");
  let cur: unknown = root;
  for (const p of path) cur = (cur as Json | undefined)?.[p];
  return cur as Json | undefined;
}

/** The arbitrary of what a zod schema accepts (input side), mixed with what it must refuse. */
export function arbitraryFor(schema: z.ZodType | undefined, known: Record<string, readonly string[]> = {}): fc.Arbitrary<unknown> {
  if (!schema) return fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: nastyValue });
  const root = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Json;
  return node(root, { root, depth: 0, known });
}
