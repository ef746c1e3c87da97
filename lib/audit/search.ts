// Audit search: newest first (receivedAt, then seq), keyset-paginated, limited to what the caller may see.
// That order is the partitions' order too, so a search reads the newest days first and stops when it has a page.
// Search, histogram and export share one WHERE clause (filters AND visible scopes), built as SQL.
import { Prisma } from "@prisma/client";
import { onPool, prepared, type SqlExecutor } from "../db/sql";
import type { SealedFields } from "./chain";
import { histogramIntervals, type AuditFilters, type AuditHistogramQuery, type AuditQuery, type HistogramInterval } from "../schemas/audit";
import type { Principal } from "../rbac/authorize";
import { builtinRoles } from "../rbac/catalogue";
import { invalid } from "../api/errors";

/** A scope the caller may audit: a workspace (and its projects), or one project. */
type AuditScope = { workspace: string; project?: string };

/**
 * Whether the membership row `m` (of `level`) holds `permission`, as SQL: built-in roles by name (a built-in
 * name always means the built-in, as in grantFor()), custom roles by their templates. The one statement of
 * who may audit what; both ways below use it.
 */
function grantsSql(level: "workspace" | "project", scopeId: Prisma.Sql, permission: string): Prisma.Sql {
  const builtins = builtinRoles.filter((r) => r.level === level);
  const granting = builtins.filter((r) => r.templates.includes(permission)).map((r) => r.name);
  return Prisma.sql`(m."role" = ANY(${granting}::text[]) OR (m."role" <> ALL(${builtins.map((r) => r.name)}::text[]) AND EXISTS (
    SELECT 1 FROM "CustomRole" c WHERE c."level" = ${level}::"RoleLevel" AND c."scopeId" = ${scopeId}::text AND c."name" = m."role"
      AND ${permission} = ANY(c."templates"))))`;
}

const auditsWorkspace = grantsSql("workspace", Prisma.sql`m."workspaceId"`, "workspace-audit.view");
const auditsProject = grantsSql("project", Prisma.sql`m."projectId"`, "project-audit.view");
// A membership that has ended counts for nothing from that instant, before the expiry step deletes it (lib/tenancy/expiry.ts).
const live = Prisma.sql`(m."expiresAt" IS NULL OR m."expiresAt" > now())`;

/**
 * Where a search's statements run: `planned` for their values each time, `prepared` once per connection (and then
 * PostgreSQL may keep one plan for every value, when that plan costs no more than planning for each). A page that
 * matches text (a name substring, free text, a user prefix) is planned each time: how common the text is decides
 * its plan, and a plan kept for every value does not know it (measured at 10M events, one after another: 213 ms
 * against 1.9 for the platform-wide name substring); so is a page bounded by the caller's own scopes (Boundary). The
 * lookups (the caller's scopes, their rights in a workspace, moved projects) and the other pages are prepared:
 * planning the scopes' rule cost PostgreSQL twenty times running it, and planning a workspace's page (with that rule
 * inside, as it then was) half of its cost (1.2 of 2.3 ms of PostgreSQL's CPU a search, 50 searchers at once).
 */
export interface SearchSql {
  planned: SqlExecutor;
  prepared: SqlExecutor;
}
export const searchOnPool: SearchSql = { planned: onPool, prepared };

/**
 * Where a moved project's past shows besides its own workspace (lib/tenancy/project-move.ts): events recorded under
 * `fromWorkspace` and `project` until `before` (the move) belong to `workspace` too. Sealed events are never rewritten.
 */
type Alias = { workspace: string; fromWorkspace: string; project: string; before: Date };

/**
 * Every scope the caller may audit (a project inside a workspace seen whole is left out), and the moved projects'
 * aliases of their workspaces: one prepared statement, as the search's first. With `workspace`, only the scopes in it
 * and all of its aliases, whoever asks (a platform auditor holds no scope there): a search inside one workspace then
 * carries the caller's rights there into its pages as values, not as a rule its planned pages would plan twice (a
 * name search inside a workspace at 10M events, 50 searchers: 3.8–4.6 ms of PostgreSQL's CPU a search against 6.3–6.7
 * with the rule inside the pages; docs/benchmarks.md).
 */
async function auditScopes(userId: string, x: SearchSql, workspace?: string): Promise<{ scopes: AuditScope[]; aliases: Alias[] }> {
  const inWorkspace = workspace === undefined ? Prisma.empty : Prisma.sql` AND w."name" = ${workspace}`;
  const rows = await x.prepared.rows<{ workspace: string; project: string | null; fromWorkspace: string | null; before: Date | null }>(Prisma.sql`
    WITH scope AS (
      SELECT w."id", w."name" AS workspace, NULL::text AS project
      FROM "WorkspaceMember" m JOIN "Workspace" w ON w."id" = m."workspaceId" WHERE m."userId" = ${userId}::uuid AND ${live} AND ${auditsWorkspace}${inWorkspace}
      UNION ALL
      SELECT w."id", w."name", p."name"
      FROM "ProjectMember" m JOIN "Project" p ON p."id" = m."projectId" JOIN "Workspace" w ON w."id" = p."workspaceId"
      WHERE m."userId" = ${userId}::uuid AND ${live} AND ${auditsProject}${inWorkspace})
    SELECT workspace, project, NULL AS "fromWorkspace", NULL::timestamptz AS "before" FROM scope
    UNION ALL
    SELECT w."name", a."project", a."fromWorkspace", a."before"
    FROM "AuditAlias" a JOIN "Workspace" w ON w."id" = a."workspaceId"
    WHERE ${workspace === undefined ? Prisma.sql`a."workspaceId" IN (SELECT "id" FROM scope)` : Prisma.sql`w."name" = ${workspace}`}`);
  const aliases = rows.filter((r): r is Alias => r.fromWorkspace !== null);
  const own = rows.filter((r) => r.fromWorkspace === null);
  const whole = new Set(own.filter((r) => !r.project).map((r) => r.workspace));
  const scopes = own.filter((r) => !r.project || !whole.has(r.workspace)).map((r) => (r.project ? { workspace: r.workspace, project: r.project } : { workspace: r.workspace }));
  return { scopes, aliases };
}

/** The events a workspace (or one project of it) holds from before its projects moved in, as conditions to OR. */
function movedIn(aliases: Alias[], workspace: string, project?: string): Prisma.Sql[] {
  return aliases
    .filter((a) => a.workspace === workspace && (!project || a.project === project))
    .map((a) => Prisma.sql`("workspace" = ${a.fromWorkspace} AND "project" = ${a.project} AND "receivedAt" <= ${a.before})`);
}

/** Events of `workspace` (and `project`): those recorded there, and the past of the projects that moved in. */
function inWorkspaceSql(aliases: Alias[], workspace: string, project?: string): Prisma.Sql {
  const own = project ? Prisma.sql`("workspace" = ${workspace} AND "project" = ${project})` : Prisma.sql`"workspace" = ${workspace}`;
  const moved = movedIn(aliases, workspace, project);
  return moved.length ? Prisma.sql`(${Prisma.join([own, ...moved], " OR ")})` : own;
}

/** The tenant boundary as SQL, the one workspace everything inside it lies in when there is one (for nameGrams),
 *  where the past of projects that moved into its workspaces lies, and whether its SQL has one shape whoever asks
 *  (the caller's own scopes have a term each: a statement prepared per count of them would pile up on every connection). */
type Boundary = { sql: Prisma.Sql; workspace?: string; aliases: Alias[]; oneShape: boolean };

/**
 * The tenant boundary of the audit log: everything for platform auditors, nothing for a disabled caller; inside the
 * workspace the filters name, what the caller may audit there (looked up with its moved projects); otherwise the
 * caller's scopes, looked up first.
 */
async function boundaryOf(principal: Principal, q: AuditFilters, x: SearchSql = searchOnPool): Promise<Boundary> {
  if (!principal.active) return { sql: Prisma.sql`FALSE`, aliases: [], oneShape: true };
  if (q.workspace) {
    const { scopes, aliases } = await auditScopes(principal.userId, x, q.workspace);
    const projects = scopes.flatMap((s) => (s.project ? [s.project] : []));
    const whole = principal.platform.permissions.has("audit.view") || scopes.some((s) => !s.project);
    const sql = whole ? Prisma.sql`TRUE` : projects.length ? Prisma.sql`"project" = ANY(${projects}::text[])` : Prisma.sql`FALSE`;
    return { sql, workspace: q.workspace, aliases, oneShape: true };
  }
  if (principal.platform.permissions.has("audit.view")) return { sql: Prisma.sql`TRUE`, aliases: [], oneShape: true };
  const { scopes, aliases } = await auditScopes(principal.userId, x);
  const workspaces = new Set(scopes.map((s) => s.workspace));
  return { sql: scopeSql(scopes, aliases), workspace: workspaces.size === 1 ? [...workspaces][0] : undefined, aliases, oneShape: false };
}

const like = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function scopeSql(scopes: AuditScope[], aliases: Alias[]): Prisma.Sql {
  if (!scopes.length) return Prisma.sql`FALSE`;
  const wholeWs = scopes.filter((s) => !s.project).map((s) => s.workspace);
  const projects = scopes.filter((s): s is Required<AuditScope> => !!s.project);
  const parts: Prisma.Sql[] = [];
  // A single workspace as plain equality: the GIN index over scope and name can use that, not `= ANY`.
  if (wholeWs.length === 1) parts.push(Prisma.sql`"workspace" = ${wholeWs[0]}`);
  else if (wholeWs.length) parts.push(Prisma.sql`"workspace" = ANY(${wholeWs}::text[])`);
  for (const ws of wholeWs) parts.push(...movedIn(aliases, ws));
  for (const p of projects) parts.push(inWorkspaceSql(aliases, p.workspace, p.project));
  return Prisma.sql`(${Prisma.join(parts, " OR ")})`;
}

/**
 * The 3-character substrings of a name pattern as the index `tenantry_name_grams(workspace, name)` holds them
 * (migration 20261129090000): prefixed by the workspace when the search names one. Characters, not UTF-16 units,
 * as PostgreSQL's substr() counts. A pattern shorter than three has none and is matched by LIKE alone.
 */
export function nameGrams(pattern: string, workspace?: string): string[] {
  const chars = Array.from(pattern);
  const prefix = workspace === undefined ? "" : `${workspace}\u001f`;
  return [...new Set(chars.slice(2).map((_, i) => prefix + chars.slice(i, i + 3).join("")))];
}

/** The filters of the issue as SQL conditions (all ANDed); `workspace` is the one the search is confined to, if any. */
function filterSql(q: AuditFilters, workspace = q.workspace, aliases: Alias[] = []): Prisma.Sql[] {
  const c: Prisma.Sql[] = [];
  if (q.from) c.push(Prisma.sql`"receivedAt" >= ${q.from}`);
  if (q.to) c.push(Prisma.sql`"receivedAt" <= ${q.to}`);
  if (q.user) {
    if (q.user.endsWith("*")) c.push(Prisma.sql`"username" LIKE ${like(q.user.slice(0, -1)).slice(1)}`);
    else c.push(Prisma.sql`"username" = ${q.user}`);
  }
  if (q.workspace) c.push(inWorkspaceSql(aliases, q.workspace));
  if (q.project) c.push(Prisma.sql`"project" = ${q.project}`);
  if (q.cluster) c.push(Prisma.sql`"cluster" = ${q.cluster}`);
  if (q.resource) c.push(Prisma.sql`("resource" = ${q.resource} OR "resource" LIKE ${`${q.resource.replace(/[\\%_]/g, (ch) => `\\${ch}`)}/%`})`);
  if (q.name) {
    c.push(Prisma.sql`"name" LIKE ${like(q.name)}`);
    // Events that moved in carry their old workspace's prefix: then the unprefixed grams, which every event has.
    const grams = nameGrams(q.name, workspace && !movedIn(aliases, workspace).length ? workspace : undefined);
    if (grams.length) c.push(Prisma.sql`tenantry_name_grams("workspace", "name") COLLATE "C" @> ${grams}::text[]`);
  }
  if (q.verb) c.push(Prisma.sql`("verb" = ${q.verb} OR "action" = ${q.verb})`);
  if (q.status) {
    if (q.status.endsWith("xx")) {
      const lo = Number(q.status[0]) * 100;
      c.push(Prisma.sql`"statusCode" >= ${lo} AND "statusCode" < ${lo + 100}`);
    } else c.push(Prisma.sql`"statusCode" = ${Number(q.status)}`);
  }
  if (q.outcome) c.push(Prisma.sql`"outcome" = ${q.outcome}`);
  if (q.ip) c.push(Prisma.sql`"sourceIp" = ${q.ip}`);
  if (q.source) c.push(Prisma.sql`"source" = ${q.source}`);
  if (q.q) {
    const t = like(q.q);
    c.push(Prisma.sql`("action" ILIKE ${t} OR "name" ILIKE ${t} OR "username" ILIKE ${t} OR "namespace" ILIKE ${t} OR "resource" ILIKE ${t} OR "reason" ILIKE ${t} OR "sourceIp" = ${q.q})`);
  }
  if (q.cursor) {
    const { receivedAt, seq } = parseCursor(q.cursor);
    c.push(Prisma.sql`("receivedAt", "seq") < (${receivedAt}, ${seq})`);
  }
  return c;
}

/** The boundary and the filters, ANDed. */
const whereSql = (boundary: Boundary, q: AuditFilters) =>
  Prisma.sql`WHERE ${Prisma.join([boundary.sql, ...filterSql(q, q.workspace ?? boundary.workspace, boundary.aliases)], " AND ")}`;

/** A stored event as search reads it: the sealed fields and what is kept beside them. */
export interface AuditRow extends SealedFields {
  seq: string; // int8, as pg returns it
  apiGroup: string | null;
  request: Prisma.JsonValue | null;
}

const COLUMNS = Prisma.raw(
  `"seq", "auditId"::text AS "auditId", "source", "action", "verb", "username", "resource", "namespace", "name", "apiGroup", "cluster", "workspace", "project", "outcome", "statusCode", "reason", "sourceIp", "userAgent", "request", "receivedAt", "completedAt"`,
);

/** How far back a search reads on its own first: most pages fill within it (measured: a platform-wide name substring at 10M events). */
const RECENT_MS = 7 * 86_400_000;

/**
 * One page of `q`'s matches, newest first. The newest seven days before the search's upper bound are read on their
 * own first: most pages fill there, planned for those days' partitions (one or two), and a bitmap scan (name
 * substrings) sorts their matches instead of every week's. Older days are read only when it falls short. (Seven days
 * back, not the calendar week: on a Monday that week is nearly empty, and every search read the whole log.)
 */
async function selectPage(boundary: Boundary, q: AuditFilters, limit: number, x: SearchSql = searchOnPool): Promise<AuditRow[]> {
  const where = whereSql(boundary, q);
  const sql = boundary.oneShape && !(q.name || q.q || q.user?.endsWith("*")) ? x.prepared : x.planned;
  const page = (days: Prisma.Sql, n: number) =>
    sql.rows<AuditRow>(Prisma.sql`SELECT ${COLUMNS} FROM "AuditEvent" ${where} AND ${days} ORDER BY "receivedAt" DESC, "seq" DESC LIMIT ${n}`);
  const upper = Math.min(q.to?.getTime() ?? Infinity, q.cursor ? parseCursor(q.cursor).receivedAt.getTime() : Infinity, Date.now());
  const recent = new Date(upper - RECENT_MS);
  const newest = await page(Prisma.sql`"receivedAt" >= ${recent}`, limit);
  if (newest.length >= limit || (q.from && q.from >= recent)) return newest;
  return [...newest, ...(await page(Prisma.sql`"receivedAt" < ${recent}`, limit - newest.length))];
}

/** The cursor names the last event of a page: `<receivedAt in ms>.<seq>`. */
export const cursorOf = (r: AuditRow) => `${r.receivedAt.getTime()}.${r.seq}`;

function parseCursor(cursor: string): { receivedAt: Date; seq: bigint } {
  const [ms, seq] = cursor.split(".");
  return { receivedAt: new Date(Number(ms)), seq: BigInt(seq!) };
}

/** `x` runs its statements: the pool, or a benchmark's recorder (bench/audit.bench.mts runs the same SQL directly). */
export async function searchAudit(principal: Principal, q: AuditQuery, x: SearchSql = searchOnPool): Promise<{ items: AuditRow[]; nextCursor: string | null }> {
  const rows = await selectPage(await boundaryOf(principal, q, x), q, q.limit + 1, x);
  return { items: rows.slice(0, q.limit), nextCursor: rows.length > q.limit ? cursorOf(rows[q.limit - 1]!) : null };
}

export interface Histogram {
  from: string;
  to: string;
  interval: HistogramInterval;
  buckets: { start: string; count: number; denied: number; failed: number }[];
}

/**
 * Where a histogram without `from` starts: at the first matching event, as the search (which has no lower bound)
 * would reach it — an hour back at least, so a lone recent event still gets an axis; a day back when none match.
 * One `min()` over the primary key (receivedAt, seq), which PostgreSQL reads from the oldest partition up.
 */
async function histogramStart(boundary: Boundary, q: AuditFilters, to: Date): Promise<Date> {
  const [row] = await onPool.rows<{ first: Date | null }>(Prisma.sql`SELECT min("receivedAt") AS first FROM "AuditEvent" ${whereSql(boundary, { ...q, to })}`);
  if (!row?.first) return new Date(to.getTime() - 24 * 3600_000);
  return new Date(Math.min(new Date(row.first).getTime(), to.getTime() - 3600_000));
}

/** Counts per interval for the same filters and visibility; `auto` keeps the bucket count near 60. */
export async function auditHistogram(principal: Principal, q: AuditHistogramQuery, now = new Date()): Promise<Histogram> {
  const to = q.to ?? now;
  const boundary = await boundaryOf(principal, q);
  const from = q.from ?? (await histogramStart(boundary, q, to));
  if (from >= to) throw invalid([{ path: "from", message: "from must be before to." }]);
  const span = (to.getTime() - from.getTime()) / 1000;
  const names = Object.keys(histogramIntervals) as HistogramInterval[];
  const interval = q.interval === "auto" ? (names.find((n) => span / histogramIntervals[n] <= 60) ?? "1d") : q.interval;
  const width = histogramIntervals[interval];
  if (span / width > 2000) throw invalid([{ path: "interval", message: `Too many buckets: choose a wider interval than ${interval} for this range.` }]);
  const origin = new Date(Math.floor(from.getTime() / (width * 1000)) * width * 1000);
  const where = whereSql(boundary, { ...q, from, to });
  const rows = await onPool.rows<{ start: Date; count: string; denied: string; failed: string }>(Prisma.sql`
    SELECT date_bin(${`${width} seconds`}::interval, "receivedAt", ${origin}::timestamptz) AS start,
           count(*) AS count,
           count(*) FILTER (WHERE "outcome" = 'denied') AS denied,
           count(*) FILTER (WHERE "outcome" = 'failure') AS failed
    FROM "AuditEvent" ${where} GROUP BY 1 ORDER BY 1`);
  const byStart = new Map(rows.map((r) => [new Date(r.start).getTime(), r]));
  const buckets: Histogram["buckets"] = [];
  for (let t = origin.getTime(); t <= to.getTime(); t += width * 1000) {
    const r = byStart.get(t);
    buckets.push({ start: new Date(t).toISOString(), count: Number(r?.count ?? 0), denied: Number(r?.denied ?? 0), failed: Number(r?.failed ?? 0) });
  }
  return { from: from.toISOString(), to: to.toISOString(), interval, buckets };
}

const CSV_COLUMNS = [
  "seq", "auditId", "receivedAt", "completedAt", "source", "action", "verb", "username", "cluster", "workspace", "project",
  "resource", "namespace", "name", "apiGroup", "statusCode", "outcome", "reason", "sourceIp", "userAgent",
] as const;

function csvCell(v: unknown): string {
  if (v === null || v === undefined) return "";
  let s = v instanceof Date ? v.toISOString() : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`; // no formula injection when opened in a spreadsheet
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Streams every matching event, newest first, page by page (constant memory whatever the size). The first page
 * is read before the caller sends its 200, so a query the database refuses is still a problem response.
 */
export async function exportAudit(principal: Principal, q: AuditFilters, format: "csv" | "ndjson", pageSize = 1000): Promise<ReadableStream<Uint8Array>> {
  const enc = new TextEncoder();
  const boundary = await boundaryOf(principal, q);
  let first: AuditRow[] | undefined = await selectPage(boundary, q, pageSize);
  let cursor: string | undefined = q.cursor;
  let started = false;
  let done = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        if (!started) {
          started = true;
          if (format === "csv") controller.enqueue(enc.encode(CSV_COLUMNS.join(",") + "\r\n"));
        }
        if (done) return controller.close();
        const rows = first ?? (await selectPage(boundary, { ...q, cursor }, pageSize));
        first = undefined;
        if (rows.length < pageSize) done = true;
        if (rows.length) cursor = cursorOf(rows[rows.length - 1]!);
        const text =
          format === "csv"
            ? rows.map((r) => CSV_COLUMNS.map((c) => csvCell(r[c])).join(",") + "\r\n").join("")
            : rows.map((r) => JSON.stringify(r) + "\n").join("");
        if (text) controller.enqueue(enc.encode(text));
        if (done) controller.close();
      } catch (err) {
        controller.error(err);
      }
    },
  });
}
