// What an operation or a schema of the OpenAPI document holds: parameters, body, answers, fields with their types
// and limits. Rendered in the browser when the reader opens an entry of the API reference.
import type { ReactNode } from "react";
import type { JsonSchema, Operation, Parameter } from "@/lib/api/openapi";
import type { Translate } from "@/lib/i18n";

const refName = (ref: string) => ref.split("/").pop()!;
export const anchor = (kind: string, name: string) => `${kind}-${name.replace(/[^a-zA-Z0-9-]/g, "-")}`;

/** A schema's type in one line: `string`, `Workspace[]`, `"a" | "b"`, `string | null`; named schemas link to their entry. */
function TypeOf({ s }: { s: JsonSchema }): ReactNode {
  if (typeof s.$ref === "string") {
    const name = refName(s.$ref);
    return (
      <a href={`#${anchor("schema", name)}`} className="text-indigo-700 hover:underline">
        {name}
      </a>
    );
  }
  const alternatives = (s.anyOf ?? s.oneOf) as JsonSchema[] | undefined;
  if (alternatives) return join(alternatives.map((a, i) => <TypeOf key={i} s={a} />), " | ");
  if (Array.isArray(s.enum)) return s.enum.map((v) => JSON.stringify(v)).join(" | ");
  if ("const" in s) return JSON.stringify(s.const);
  if (Array.isArray(s.type)) return join(s.type.map((t: string, i) => <TypeOf key={i} s={{ ...s, type: t }} />), " | ");
  if (s.type === "array") return <>{s.items ? <TypeOf s={s.items as JsonSchema} /> : "any"}[]</>;
  if (s.type === "object" && s.additionalProperties && typeof s.additionalProperties === "object" && !s.properties)
    return <>{"{ [key]: "}<TypeOf s={s.additionalProperties as JsonSchema} />{" }"}</>;
  return typeof s.type === "string" ? s.type : "any";
}

function join(parts: ReactNode[], sep: string): ReactNode {
  return parts.flatMap((p, i) => (i ? [sep, p] : [p]));
}

/** Limits worth knowing at a glance: lengths, ranges, pattern, format, default. */
function Constraints({ s }: { s: JsonSchema }) {
  const bits = [
    s.format && `${s.format}`,
    s.minLength !== undefined || s.maxLength !== undefined ? `length ${s.minLength ?? 0}…${s.maxLength ?? "∞"}` : null,
    s.minimum !== undefined || s.maximum !== undefined ? `${s.minimum ?? "−∞"}…${s.maximum !== undefined && Number(s.maximum) < 2 ** 53 - 1 ? s.maximum : "∞"}` : null,
    s.maxItems !== undefined ? `≤ ${s.maxItems} items` : null,
    s.pattern && `/${s.pattern}/`,
    s.default !== undefined && `= ${JSON.stringify(s.default)}`,
  ].filter(Boolean);
  if (!bits.length) return null;
  return <span className="ml-2 break-all font-mono text-xs text-zinc-500">{bits.join(" · ")}</span>;
}

function FieldTable({ rows, t, withIn = false }: { rows: { name: string; in?: string; required: boolean; schema: JsonSchema }[]; t: Translate; withIn?: boolean }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="text-xs uppercase tracking-wide text-zinc-500">
          <tr>
            <th scope="col" className="py-1 pr-4 font-medium">{t("apiRef.field")}</th>
            {withIn && <th scope="col" className="py-1 pr-4 font-medium">{t("apiRef.in")}</th>}
            <th scope="col" className="py-1 font-medium">{t("apiRef.type")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">
          {rows.map((r) => (
            <tr key={`${r.in}-${r.name}`} className="align-top">
              <td className="py-1.5 pr-4 font-mono text-xs whitespace-nowrap text-zinc-900">
                {r.name}
                {r.required && <span className="ml-1.5 font-sans text-red-700">{t("apiRef.required")}</span>}
              </td>
              {withIn && <td className="py-1.5 pr-4 text-zinc-600">{r.in}</td>}
              <td className="py-1.5 font-mono text-xs text-zinc-700">
                <TypeOf s={r.schema} />
                <Constraints s={r.schema} />
                {typeof r.schema.description === "string" && <p className="mt-0.5 font-sans text-zinc-500">{r.schema.description}</p>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function properties(s: JsonSchema) {
  const required = (s.required ?? []) as string[];
  return Object.entries((s.properties ?? {}) as Record<string, JsonSchema>).map(([name, schema]) => ({ name, required: required.includes(name), schema }));
}

export function SchemaBody({ s, t }: { s: JsonSchema; t: Translate }) {
  if (s.properties) return <FieldTable rows={properties(s)} t={t} />;
  return (
    <p className="font-mono text-xs text-zinc-700">
      <TypeOf s={s} />
      <Constraints s={s} />
    </p>
  );
}

/** The success answer in full; problem answers by status, each linking to the Problems section that lists its codes. */
function Responses({ op, t }: { op: Operation; t: Translate }) {
  const entries = Object.entries(op.responses);
  const problems = entries.filter(([, r]) => (r as { $ref?: string }).$ref).map(([status, r]) => [status, refName((r as { $ref: string }).$ref)] as const);
  return (
    <ul className="space-y-1 text-sm">
      {entries
        .filter(([, r]) => !(r as { $ref?: string }).$ref)
        .map(([status, response]) => {
          const content = Object.entries((response as { content?: Record<string, { schema: JsonSchema }> }).content ?? {});
          return (
            <li key={status} className="flex flex-wrap gap-x-2">
              <span className="font-mono font-semibold text-emerald-700">{status}</span>
              {content.length ? (
                content.map(([type, { schema }]) => (
                  <span key={type} className="font-mono text-xs text-zinc-700">
                    {type} <TypeOf s={schema} />
                  </span>
                ))
              ) : (
                <span className="text-zinc-600">{t("apiRef.noContent")}</span>
              )}
            </li>
          );
        })}
      <li className="flex flex-wrap gap-x-2 text-zinc-600">
        {t("apiRef.problemAnswers")}
        {problems.map(([status, name]) => (
          <a key={status} href={`#${anchor("problem", name)}`} className="font-mono text-indigo-700 hover:underline">
            {status}
          </a>
        ))}
      </li>
    </ul>
  );
}

/** What an operation takes and answers: its parameters, its body and its responses. */
export function OperationBody({ op, t }: { op: Operation; t: Translate }) {
  const body = op.requestBody?.content["application/json"]?.schema;
  const params = op.parameters.map((p: Parameter) => ({ name: p.name, in: p.in, required: p.required, schema: p.schema }));
  return (
    <div className="space-y-4 px-5 pt-1 pb-4">
      {params.length > 0 && (
        <section>
          <h4 className="mb-1 text-xs font-semibold text-zinc-700">{t("apiRef.parameters")}</h4>
          <FieldTable rows={params} t={t} withIn />
        </section>
      )}
      {body && (
        <section>
          <h4 className="mb-1 text-xs font-semibold text-zinc-700">{t("apiRef.requestBody")}</h4>
          <SchemaBody s={body} t={t} />
        </section>
      )}
      <section>
        <h4 className="mb-1 text-xs font-semibold text-zinc-700">{t("apiRef.responses")}</h4>
        <Responses op={op} t={t} />
      </section>
    </div>
  );
}

