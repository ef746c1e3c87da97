// What every benchmark prints with its tables (#18 items 1 and 3), so a figure can be compared across machines:
// the machine (cores, memory, load average when the bench started and when the table is printed), the versions
// (node, PostgreSQL, next, the kernel), the scale, PostgreSQL's durability settings in force when measured, and
// each figure beside its limit measured in the same run: ours, the limit, the ratio, the target, whether it is met.
// Usage: `printReport({ title, scale, postgres: await postgresSettings(client), tables: [comparisonTable(rows)] })`.
import { readFileSync } from "node:fs";
import os from "node:os";

// ---- the machine and versions -----------------------------------------------------------------------------

export interface Machine {
  cores: number;
  cpu: string;
  memoryBytes: number;
  /** os.loadavg() when this module was first imported (the bench's start). */
  loadBefore: number[];
  node: string;
  next: string;
  kernel: string;
}

const loadAtStart = os.loadavg();

export function machine(): Machine {
  const next = JSON.parse(readFileSync(new URL("../../node_modules/next/package.json", import.meta.url), "utf8")).version as string;
  return {
    cores: os.cpus().length,
    cpu: os.cpus()[0]?.model.trim() ?? "unknown CPU",
    memoryBytes: os.totalmem(),
    loadBefore: loadAtStart,
    node: process.version,
    next,
    kernel: `${os.type()} ${os.release()}`,
  };
}

/** PostgreSQL's version and the durability settings a measurement ran under, as SHOW reports them. */
export interface PostgresSettings {
  version: string;
  fsync: string;
  synchronous_commit: string;
  full_page_writes: string;
}

type Query = (sql: string) => Promise<{ rows: Record<string, unknown>[] }>;

export async function postgresSettings(client: { query: Query }): Promise<PostgresSettings> {
  const show = async (name: string) => String((await client.query(`SHOW ${name}`)).rows[0]![name]);
  return { version: await show("server_version"), fsync: await show("fsync"), synchronous_commit: await show("synchronous_commit"), full_page_writes: await show("full_page_writes") };
}

const loads = (l: number[]) => l.map((n) => n.toFixed(2)).join(" / ");

/** The lines printed above each table (pure: the bench passes what it collected). */
export function environmentLines(m: Machine, loadAfter: number[], scale: string, pg?: PostgresSettings): string[] {
  return [
    `machine: ${m.cores} cores (${m.cpu}), ${(m.memoryBytes / 2 ** 30).toFixed(1)} GiB memory; load average (1 / 5 / 15 min) ${loads(m.loadBefore)} before, ${loads(loadAfter)} after`,
    `versions: node ${m.node}${pg ? `, PostgreSQL ${pg.version}` : ""}, next ${m.next}, ${m.kernel}`,
    `scale: ${scale}`,
    ...(pg ? [`settings when measured: fsync=${pg.fsync}, synchronous_commit=${pg.synchronous_commit}, full_page_writes=${pg.full_page_writes}`] : []),
  ];
}

// ---- figures beside their limits --------------------------------------------------------------------------

/** A target a figure is held to, given ours and the limit measured beside it. */
export interface Target {
  text: string;
  met(ours: number, limit: number): boolean;
}

const num = (n: number) => (Number.isInteger(n) ? n.toLocaleString("en") : String(n));

/** ours ≥ share × limit (throughput). */
export const atLeastShare = (share: number): Target => ({ text: `≥ ${num(share * 100)}% of the limit`, met: (o, l) => o >= share * l });
/** ours ≤ times × limit + plus (latency, size). */
export const atMostTimes = (times: number, plus = 0, unit = ""): Target => ({
  text: `≤ ${num(times)}× the limit${plus ? ` + ${num(plus)} ${unit}` : ""}`,
  met: (o, l) => o <= times * l + plus,
});
export const atMost = (max: number, unit: string): Target => ({ text: `≤ ${num(max)} ${unit}`, met: (o) => o <= max });
export const atLeast = (min: number, unit: string): Target => ({ text: `≥ ${num(min)} ${unit}`, met: (o) => o >= min });
export const allOf = (...targets: Target[]): Target => ({ text: targets.map((t) => t.text).join(" and "), met: (o, l) => targets.every((t) => t.met(o, l)) });

/** One figure: ours and its limit, once or in several consecutive runs (printed as min / median / max). */
export interface Comparison {
  measure: string;
  unit: string;
  runs: { ours: number; limit: number }[];
  /** None: printed for information, beside its limit. */
  target?: Target;
  /** Decimals (default: 1 below 100, else 0). */
  digits?: number;
}

function spread(values: number[], format: (n: number) => string): string {
  if (values.length === 1) return format(values[0]!);
  const s = [...values].sort((a, b) => a - b);
  return [s[0]!, s[Math.floor((s.length - 1) / 2)]!, s[s.length - 1]!].map(format).join(" / ");
}

/** The figures as a Markdown table: measure | ours | limit | ratio | target | met. A miss says NO. */
export function comparisonTable(rows: Comparison[]): string {
  const several = rows.some((r) => r.runs.length > 1);
  const lines = [
    `| measure | ours${several ? " (min / median / max)" : ""} | limit | ratio ours ÷ limit | target | met |`,
    `|---|---:|---:|---:|---|---|`,
  ];
  for (const r of rows) {
    const fmt = (n: number) => n.toLocaleString("en", { maximumFractionDigits: r.digits ?? (Math.abs(n) < 100 ? 1 : 0), minimumFractionDigits: r.digits ?? (Math.abs(n) < 100 ? 1 : 0) });
    const withUnit = (n: number) => `${fmt(n)} ${r.unit}`;
    const ratios = r.runs.map((x) => x.ours / x.limit);
    const metRuns = r.target ? r.runs.filter((x) => r.target!.met(x.ours, x.limit)).length : 0;
    const met = !r.target ? "—" : metRuns === r.runs.length ? "yes" : r.runs.length > 1 ? `NO (${metRuns} of ${r.runs.length} runs)` : "NO";
    lines.push(
      `| ${r.measure} | ${spread(r.runs.map((x) => x.ours), withUnit)} | ${spread(r.runs.map((x) => x.limit), withUnit)} | ${spread(ratios, (n) => `${n.toFixed(2)}×`)} | ${r.target?.text ?? "—"} | ${met} |`,
    );
  }
  return lines.join("\n");
}

/** A plain Markdown table (figures with no limit beside them). */
export function markdownTable(header: string[], rows: string[][]): string {
  return [`| ${header.join(" | ")} |`, `|${header.map(() => "---").join("|")}|`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");
}

/** Prints one report: title, machine, versions, scale and settings, then its tables. */
export function printReport(r: { title: string; scale: string; postgres?: PostgresSettings; tables: string[] }): void {
  console.log([``, `### ${r.title}`, ``, ...environmentLines(machine(), os.loadavg(), r.scale, r.postgres).map((l) => `- ${l}`), ``, r.tables.join("\n\n"), ``].join("\n"));
}
