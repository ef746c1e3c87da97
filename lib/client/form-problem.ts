// The form layer's parts that need no React (lib/client/form.ts): the schema as react-hook-form's resolver, and
// how a failed request is told, each field issue under its field and everything else in one toast.
import type { FieldError, FieldErrors, FieldValues, Resolver } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { ApiError, errorMessage } from "./api";
import { problemKey } from "../i18n/problems";
import type { MessageKey, Translate } from "../i18n";

// The console's CSP forbids eval: zod's JIT probes it (`new Function`) when it builds an object schema, and the
// browser reports the caught attempt as a violation. Set before a schema module loads, in the same lazy path (a
// static import of zod's core here put 5 kB on the form pages' first load).
const jitless = () => import("zod/v4/core").then((m) => void m.config({ jitless: true }));

/** A form's schema loader that first turns zod's JIT off (see above). */
export const withJitless = <B>(load: SchemaLoader<B>): SchemaLoader<B> => () => jitless().then(load);

export interface SplitProblem {
  /** Form field name → the first message for it. */
  fields: Record<string, string>;
  /** What belongs to no field, as one toast's summary and sentence; none when every issue found its field. */
  toast?: { key: MessageKey; detail: string };
}

/**
 * `fieldOf` names the form field an issue's `path` belongs to (`hard.requests.cpu` → `fields.0.amount`), or
 * undefined when the form has none for it; those issues join the toast, with the server's detail.
 */
export function splitProblem(error: unknown, fieldOf: (path: string) => string | undefined, t: Translate): SplitProblem {
  const fields: Record<string, string> = {};
  const rest: string[] = [];
  const issues = error instanceof ApiError ? error.issues : [];
  for (const issue of issues) {
    const name = fieldOf(issue.path);
    if (name) fields[name] ??= issue.message;
    else rest.push(issue.message);
  }
  if (issues.length && !rest.length) return { fields };
  // An escalation refusal names the permissions the caller lacks.
  const missing = error instanceof ApiError && error.missing.length ? ` ${t("roles.missing")} ${error.missing.join(", ")}` : "";
  const detail = (rest.length ? rest.join(" ") : errorMessage(error, t)) + missing;
  return { fields, toast: { key: problemKey(error), detail } };
}

/** The default mapping: an issue belongs to the field named by its path's first segment, if the form has one. */
export const topLevelField = (names: Iterable<string>) => {
  const known = new Set(names);
  return (path: string) => {
    const head = path.split(".")[0]!;
    return known.has(head) ? head : undefined;
  };
};

/** A blank optional field is not sent: `""` becomes undefined where the schema takes undefined, so `"Required."` still reads so. */
export function withoutBlanks(schema: z.ZodType, values: FieldValues): FieldValues {
  const shape = (schema as { shape?: Record<string, z.ZodType> }).shape;
  if (!shape) return values;
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v === "" && shape[k]?.safeParse(undefined).success ? undefined : v]));
}

export interface ResolverOptions<V> {
  /** The body the form's values make; by default the values less blanks. */
  toBody?: (values: V) => unknown;
  /** The field an issue's path belongs to; an issue without one goes on `root`. */
  fieldOf: (path: string, values: V) => string | undefined;
  /** A message in the reader's language (the schemas speak English, as the server does). */
  localize?: (message: string) => string;
  /** zod's parse options (its own messages in the reader's language), loaded with the schema. */
  zodParams?: () => Promise<Parameters<z.ZodType["parse"]>[1]>;
}

/** The route's schema, imported when the form first checks: zod and the schemas stay out of the page's first load. */
export type SchemaLoader<B> = () => Promise<z.ZodType<B>>;

/** The route's schema reads the body the form's values make; each issue is put on its field, or on `root`. */
export function schemaResolver<V extends FieldValues, B>(loadSchema: SchemaLoader<B>, { toBody, fieldOf, localize = (m) => m, zodParams }: ResolverOptions<V>): Resolver<V, unknown, B> {
  return async (values, context, options) => {
    const [schema, params] = await Promise.all([withJitless(loadSchema)(), zodParams?.()]);
    const zod = zodResolver(schema as z.ZodType<B, FieldValues>, params as never);
    const body = toBody ? toBody(values) : withoutBlanks(schema, values);
    const result = await zod(body as FieldValues, context, { ...options, shouldUseNativeValidation: false } as never);
    if (!Object.keys(result.errors).length) return { values: result.values as B, errors: {} };
    const errors: Record<string, FieldError> = {};
    for (const [path, error] of flatten(result.errors)) errors[fieldOf(path, values) ?? "root"] ??= { type: error.type, message: localize(error.message ?? "") };
    return { values: {}, errors: nest(errors) as FieldErrors<V> };
  };
}

/** `{ a: { b: error } }` → `[["a.b", error]]`. */
function flatten(errors: object, prefix = ""): [string, FieldError][] {
  return Object.entries(errors).flatMap(([k, v]): [string, FieldError][] => {
    if (!v || typeof v !== "object") return [];
    const path = prefix ? `${prefix}.${k}` : k;
    return typeof (v as FieldError).message === "string" ? [[path, v as FieldError]] : flatten(v, path);
  });
}

/** Field names with dots (`fields.0.amount`) as react-hook-form's nested error objects. */
function nest(errors: Record<string, FieldError>): object {
  const out: Record<string, unknown> = {};
  for (const [name, error] of Object.entries(errors)) {
    const parts = name.split(".");
    let node = out;
    for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    node[parts.at(-1)!] = error;
  }
  return out;
}
