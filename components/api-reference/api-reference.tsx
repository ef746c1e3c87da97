// The OpenAPI document rendered on the server, grouped by tag: each operation's parameters, body and answers, then
// the named schemas. Each operation and schema folds into a Disclosure, whose content is mounted when it is opened.
import type { ReactNode } from "react";
import type { JsonSchema, OpenApiDocument, Operation, Parameter } from "@/lib/api/openapi";
import type { Translate } from "@/lib/i18n";
import { PROBLEM_CODES } from "@/lib/api/errors";
import { Disclosure } from "./disclosure";

const METHOD_COLOURS: Record<string, string> = {
  get: "bg-sky-100 text-sky-800",
  post: "bg-emerald-100 text-emerald-800",
  put: "bg-amber-100 text-amber-800",
  patch: "bg-violet-100 text-violet-800",
  delete: "bg-rose-100 text-rose-800",
};

const refName = (ref: string) => ref.split("/").pop()!;
const anchor = (kind: string, name: string) => `${kind}-${name.replace(/[^a-zA-Z0-9-]/g, "-")}`;

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

function SchemaBody({ s, t }: { s: JsonSchema; t: Translate }) {
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

/** Each problem response once: its status and the codes it carries, with what they mean. */
function Problems({ doc, t }: { doc: OpenApiDocument; t: Translate }) {
  return Object.entries(doc.components.responses).map(([name, response]) => {
    const schema = (response as { content: Record<string, { schema: JsonSchema }> }).content["application/problem+json"]!.schema;
    const narrowed = (schema.allOf as JsonSchema[] | undefined)?.[1]?.properties as { status: { const: number }; code: { enum: string[] } } | undefined;
    return (
      <div key={name} id={anchor("problem", name)} className="border-b border-zinc-100 px-5 py-3 last:border-0">
        <h3 className="mb-1 font-mono text-sm font-semibold text-zinc-900">{narrowed ? narrowed.status.const : "default"}</h3>
        {narrowed ? (
          <ul className="space-y-0.5 text-sm text-zinc-600">
            {narrowed.code.enum.map((code) => (
              <li key={code}>
                <code className="text-zinc-900">{code}</code> {PROBLEM_CODES[code]?.description}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-zinc-600">{t("apiRef.otherProblems")}</p>
        )}
      </div>
    );
  });
}

function Who({ op, t }: { op: Operation; t: Translate }) {
  const permission = op["x-permission"];
  if (op.security) return <>{t("apiRef.securedBy", { scheme: Object.keys(op.security[0] ?? {}).join(", ") })}</>;
  if (!permission) return null;
  return <>{permission === "authenticated" ? t("apiRef.anySignedIn") : t("apiRef.needs", { permission })}</>;
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

function OperationEntry({ path, method, op, t }: { path: string; method: string; op: Operation; t: Translate }) {
  return (
    <Disclosure
      id={anchor("op", op.operationId ?? `${method}-${path}`)}
      className="group border-b border-zinc-100 last:border-0"
      summary={
        <summary className="flex cursor-pointer flex-wrap items-center gap-x-3 gap-y-1 px-5 py-2.5 hover:bg-zinc-50">
          <span className={`w-16 rounded px-1.5 py-0.5 text-center font-mono text-xs font-semibold uppercase ${METHOD_COLOURS[method] ?? ""}`}>{method}</span>
          <code className="text-sm break-all text-zinc-900">{path}</code>
          <span className="text-xs text-zinc-500">
            {op.operationId} · <Who op={op} t={t} />
          </span>
        </summary>
      }
    >
      <OperationBody op={op} t={t} />
    </Disclosure>
  );
}

export function ApiReference({ doc, t }: { doc: OpenApiDocument; t: Translate }) {
  const operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method, op })));
  return (
    <div className="space-y-6">
      <nav aria-label={t("apiRef.groups")} className="flex flex-wrap gap-2 text-sm">
        {doc.tags.map(({ name }) => (
          <a key={name} href={`#${anchor("tag", name)}`} className="rounded-full bg-white px-3 py-1 text-zinc-700 ring-1 ring-zinc-200 hover:bg-zinc-50">
            {name}
          </a>
        ))}
        <a href={`#${anchor("tag", "schemas")}`} className="rounded-full bg-white px-3 py-1 text-zinc-700 ring-1 ring-zinc-200 hover:bg-zinc-50">
          {t("apiRef.schemas")}
        </a>
        <a href={`#${anchor("tag", "problems")}`} className="rounded-full bg-white px-3 py-1 text-zinc-700 ring-1 ring-zinc-200 hover:bg-zinc-50">
          {t("apiRef.problemsTitle")}
        </a>
      </nav>
      {doc.tags.map(({ name }) => (
        <section key={name} id={anchor("tag", name)} aria-labelledby={`${anchor("tag", name)}-h`} className="rounded-lg bg-white shadow-sm ring-1 ring-zinc-200">
          <h2 id={`${anchor("tag", name)}-h`} className="border-b border-zinc-200 px-5 py-3 text-sm font-semibold text-zinc-900">
            {name}
          </h2>
          {operations
            .filter(({ op }) => op.tags.includes(name))
            .map(({ path, method, op }) => (
              <OperationEntry key={`${method} ${path}`} path={path} method={method} op={op} t={t} />
            ))}
        </section>
      ))}
      <section id={anchor("tag", "schemas")} aria-labelledby="schemas-h" className="rounded-lg bg-white shadow-sm ring-1 ring-zinc-200">
        <h2 id="schemas-h" className="border-b border-zinc-200 px-5 py-3 text-sm font-semibold text-zinc-900">
          {t("apiRef.schemas")}
        </h2>
        {Object.entries(doc.components.schemas)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([name, schema]) => (
            <Disclosure
              key={name}
              id={anchor("schema", name)}
              className="border-b border-zinc-100 last:border-0"
              summary={<summary className="cursor-pointer px-5 py-2.5 font-mono text-sm font-semibold text-zinc-900 hover:bg-zinc-50">{name}</summary>}
            >
              <div className="px-5 pt-1 pb-4">
                <SchemaBody s={schema} t={t} />
              </div>
            </Disclosure>
          ))}
      </section>
      <section id={anchor("tag", "problems")} aria-labelledby="problems-h" className="rounded-lg bg-white shadow-sm ring-1 ring-zinc-200">
        <h2 id="problems-h" className="border-b border-zinc-200 px-5 py-3 text-sm font-semibold text-zinc-900">
          {t("apiRef.problemsTitle")}
        </h2>
        <Problems doc={doc} t={t} />
      </section>
    </div>
  );
}
