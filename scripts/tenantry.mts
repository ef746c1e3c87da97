// `npm run tenantry -- <command>`: workspaces as code from a shell or a GitOps pipeline, on the public API with a
// personal access token (TENANTRY_TOKEN or --token, a `tnt_…` from the profile page) at TENANTRY_URL or --url.
//   get <workspace> [-o yaml|json]   print the workspace's spec document
//   diff -f <file|->                 what applying the file would change; exit 0 none, 2 some, 1 an error (as terraform plan -detailed-exitcode)
//   apply -f <file|->                apply it (all or nothing) and print what changed; exit 0, or 1 with the refusal
import { readFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import YAML from "yaml";

export interface Io {
  fetch: typeof fetch;
  env: Record<string, string | undefined>;
  out: (line: string) => void;
  err: (line: string) => void;
  read: (file: string) => Promise<string>;
}

interface Change {
  action: "added" | "changed" | "removed";
  kind: string;
  name: string;
  project?: string;
  path: string;
  before?: unknown;
  after?: unknown;
}
interface Applied {
  workspace: string;
  dryRun: boolean;
  created: boolean;
  changes: Change[];
  summary: { added: number; changed: number; removed: number };
}

const USAGE = `usage: npm run tenantry -- [--url URL] [--token TOKEN] <command>
  get <workspace> [-o yaml|json]   print the workspace's spec document
  diff -f <file|->                 show what applying the file would change (exit 0: nothing, 2: changes, 1: error)
  apply -f <file|->                apply the file, all or nothing, and show what changed
Environment: TENANTRY_URL (e.g. https://console.example.org), TENANTRY_TOKEN (a personal access token, tnt_…).`;

class Failure extends Error {}

function options(argv: string[]) {
  const flags: Record<string, string> = {};
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const m = /^--?([a-z]+)(?:=(.*))?$/.exec(a);
    if (!m || a === "-") args.push(a);
    else if (m[2] !== undefined) flags[m[1]!] = m[2];
    else if (["help", "h"].includes(m[1]!)) flags.help = "true";
    else {
      if (argv[i + 1] === undefined) throw new Failure(`${a} needs a value.`);
      flags[m[1]!] = argv[++i]!;
    }
  }
  return { flags, args };
}

/** What changed between two values, as `path: before → after` lines. */
function fieldChanges(before: unknown, after: unknown, at = ""): string[] {
  const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);
  if (isObj(before) && isObj(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((k) => fieldChanges(before[k], after[k], at ? `${at}.${k}` : k));
  }
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  const show = (v: unknown) => (v === undefined ? "(none)" : JSON.stringify(v));
  return [`${at || "value"}: ${show(before)} → ${show(after)}`];
}

export function formatChanges(result: Applied): string[] {
  const sign = { added: "+", changed: "~", removed: "-" } as const;
  const lines = result.changes.flatMap((c) => {
    const object = `${c.kind} ${c.project && c.project !== c.name ? `${c.project}/` : ""}${c.name}`;
    const head = `${sign[c.action]} ${object}  (${c.path})`;
    if (c.action === "changed") return [head, ...fieldChanges(c.before, c.after).map((l) => `    ${l}`)];
    if (c.action === "added" && c.after !== undefined) return [head, `    ${JSON.stringify(c.after)}`];
    return [head];
  });
  const s = result.summary;
  const verb = result.dryRun ? "would be" : "were";
  const what = `${s.added} added, ${s.changed} changed, ${s.removed} removed`;
  return [...lines, result.changes.length ? `workspace ${result.workspace}: ${what} (${verb} applied)` : `workspace ${result.workspace}: no changes`];
}

async function problem(res: Response): Promise<Failure> {
  const text = await res.text();
  try {
    const p = JSON.parse(text) as { detail?: string; issues?: { path: string; message: string }[] };
    return new Failure([`${res.status} ${p.detail ?? res.statusText}`, ...(p.issues ?? []).map((i) => `  ${i.path}: ${i.message}`)].join("\n"));
  } catch {
    return new Failure(`${res.status} ${res.statusText}: ${text.slice(0, 500)}`);
  }
}

export async function run(argv: string[], io: Io): Promise<number> {
  try {
    const { flags, args } = options(argv);
    const [command, ...rest] = args;
    if (flags.help || !command) {
      io.out(USAGE);
      return command || flags.help ? 0 : 1;
    }
    const url = (flags.url ?? io.env.TENANTRY_URL ?? "").replace(/\/+$/, "");
    const token = flags.token ?? io.env.TENANTRY_TOKEN;
    if (!url) throw new Failure("Set TENANTRY_URL (or --url) to the console's address.");
    if (!token) throw new Failure("Set TENANTRY_TOKEN (or --token) to a personal access token (tnt_…, made on your profile page).");
    const call = (path: string, init: RequestInit = {}) =>
      io.fetch(`${url}/api/v1${path}`, { ...init, headers: { authorization: `Bearer ${token}`, ...(init.headers as Record<string, string>) } });
    const spec = (ws: string) => `/workspaces/${encodeURIComponent(ws)}/spec`;

    if (command === "get") {
      const ws = rest[0];
      if (!ws) throw new Failure("get needs a workspace name.");
      const yaml = (flags.o ?? flags.output ?? "yaml") !== "json";
      const res = await call(spec(ws), { headers: { accept: yaml ? "application/yaml" : "application/json" } });
      if (!res.ok) throw await problem(res);
      io.out(yaml ? (await res.text()).trimEnd() : JSON.stringify(await res.json(), null, 2));
      return 0;
    }
    if (command === "diff" || command === "apply") {
      const file = flags.f ?? flags.filename;
      if (!file) throw new Failure(`${command} needs -f <file> (or -f - for standard input).`);
      const text = await io.read(file);
      let doc: { metadata?: { name?: unknown } } | null;
      try {
        doc = YAML.parse(text) as typeof doc;
      } catch (err) {
        throw new Failure(`${file} is not YAML or JSON: ${(err as Error).message}`);
      }
      const ws = doc?.metadata?.name;
      if (typeof ws !== "string" || !ws) throw new Failure(`${file} has no metadata.name.`);
      const json = /^\s*[{[]/.test(text);
      const res = await call(`${spec(ws)}${command === "diff" ? "?dryRun=true" : ""}`, {
        method: "PUT",
        headers: { "content-type": json ? "application/json" : "application/yaml", accept: "application/json" },
        body: text,
      });
      if (!res.ok) throw await problem(res);
      const result = (await res.json()) as Applied;
      for (const line of formatChanges(result)) io.out(line);
      return command === "diff" && result.changes.length ? 2 : 0;
    }
    throw new Failure(`Unknown command "${command}".\n${USAGE}`);
  } catch (err) {
    // fetch() says only "fetch failed"; its cause says why (ECONNREFUSED, a certificate, a name that does not resolve).
    const cause = (err as { cause?: { message?: string } }).cause?.message;
    io.err(`error: ${(err as Error).message ?? err}${cause ? ` (${cause})` : ""}`);
    return 1;
  }
}

async function stdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const code = await run(process.argv.slice(2), {
    fetch,
    env: process.env,
    out: (l) => console.log(l),
    err: (l) => console.error(l),
    read: (f) => (f === "-" ? stdin() : readFile(f, "utf8")),
  });
  process.exit(code);
}
