// The OpenAPI document rendered on the server, grouped by tag: each operation's and schema's summary, then the
// problem answers. What an operation or a schema holds is rendered in the browser when it is opened (./entry-content).
import type { JsonSchema, OpenApiDocument, Operation } from "@/lib/api/openapi";
import type { Translate } from "@/lib/i18n";
import { PROBLEM_CODES } from "@/lib/api/errors";
import { Disclosure } from "./disclosure";
import { anchor } from "./bodies";
import { OperationContent, SchemaContent } from "./entry-content";

const METHOD_COLOURS: Record<string, string> = {
  get: "bg-sky-100 text-sky-800",
  post: "bg-emerald-100 text-emerald-800",
  put: "bg-amber-100 text-amber-800",
  patch: "bg-violet-100 text-violet-800",
  delete: "bg-rose-100 text-rose-800",
};

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
      <OperationContent path={path} method={method} />
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
          .map(([name]) => (
            <Disclosure
              key={name}
              id={anchor("schema", name)}
              className="border-b border-zinc-100 last:border-0"
              summary={<summary className="cursor-pointer px-5 py-2.5 font-mono text-sm font-semibold text-zinc-900 hover:bg-zinc-50">{name}</summary>}
            >
              <SchemaContent name={name} />
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
