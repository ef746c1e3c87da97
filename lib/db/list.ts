// The list routes' pages, each ONE plain statement on the pool (#18 item 4). Through Prisma a page was three queries
// (five statements) that Prisma 6.19 compiles anew on every request: 7–12 ms of Node CPU per page against about 2 ms
// for the same statements sent directly (docs/benchmarks.md, "Where the time went"). Like the audit search, each list
// writes its page as SQL — the rows, their counts, the visibility rule — and hands it here with its sort columns;
// this adds the keyset condition and the order, runs it and turns limit + 1 rows into a page and its cursor.
import { Prisma } from "@prisma/client";
import { prepared } from "./sql";
import { invalid, notFound } from "../api/errors";
import { readSortedCursor, toSortedPage, type Page, type Sort } from "../api/page";

export interface ListStatement<F extends string> {
  sort: Sort<F>;
  /** The list's default sort: cursors from before sorting existed carry its bare key and still continue it. */
  fallback: Sort<F>;
  cursor?: string;
  limit: number;
  /** Each sort field's column in the statement. Rows carry each sort field under its own name (the cursor is made from them). */
  columns: Record<F, Prisma.Sql>;
  /** The unique field: it breaks ties between equal sort values, so no row is skipped or repeated across pages. */
  key: F;
  /** Fields that are instants (Prisma's `timestamp(3)`, holding UTC): the cursor carries them as ISO text. */
  instants?: readonly F[];
  /** The page's statement, given the rows after the cursor (TRUE on the first page), the order and the row count to fetch. */
  statement: (page: { after: Prisma.Sql; orderBy: Prisma.Sql; take: number }) => Prisma.Sql;
  /**
   * For a list inside a scope the statement names (a workspace, a project): what to call the scope in a 404. Such a
   * statement starts from the scope's row and LEFT JOINs the page, so no row means no scope, and a scope without
   * rows answers one row whose key is NULL.
   */
  within?: string;
}

/** `LIKE '%q%'` with the search's own `%`, `_` and `\` matching themselves. */
export const containsPattern = (q: string) => `%${q.replace(/[\\%_]/g, "\\$&")}%`;

/** A list's search box: the name holds `q` as typed (names are lowercase), or any of the other texts in any case. */
export function searchSql(q: string, name: Prisma.Sql, ...texts: Prisma.Sql[]): Prisma.Sql {
  const pattern = containsPattern(q);
  return Prisma.sql`(${name} LIKE ${pattern}${Prisma.join(texts.map((t) => Prisma.sql` OR ${t} ILIKE ${pattern}`), "")})`;
}

/** Runs the list's statement and returns the page. A cursor made for another sort, or unreadable, is a 422. */
export async function listPage<F extends string, R extends Record<F, unknown>>(list: ListStatement<F>): Promise<Page<R>> {
  const { sort, key, columns } = list;
  const at = readSortedCursor(list.cursor, sort, list.fallback);
  const dir = Prisma.raw(sort.desc ? "DESC" : "ASC");
  const instant = (field: F, v: string) => {
    if (!list.instants?.includes(field)) return Prisma.sql`${v}`;
    if (Number.isNaN(Date.parse(v))) throw invalid([{ path: "cursor", message: "This cursor is not one this list gave out." }]);
    // The column is a UTC timestamp without zone: the ISO instant read in UTC, whatever the session's time zone.
    return Prisma.sql`(${v}::timestamptz AT TIME ZONE 'UTC')`;
  };
  // A row comparison is "a greater sort value, or the same and a greater key": one condition an index on (field, key) serves.
  const cmp = Prisma.raw(sort.desc ? "<" : ">");
  const after = !at
    ? Prisma.sql`TRUE`
    : sort.field === key
      ? Prisma.sql`${columns[key]} ${cmp} ${instant(key, at.key)}`
      : Prisma.sql`(${columns[sort.field]}, ${columns[key]}) ${cmp} (${instant(sort.field, at.value)}, ${at.key})`;
  const orderBy = sort.field === key ? Prisma.sql`${columns[key]} ${dir}` : Prisma.sql`${columns[sort.field]} ${dir}, ${columns[key]} ${dir}`;
  let rows = await prepared.rows<R>(list.statement({ after, orderBy, take: list.limit + 1 }));
  if (list.within !== undefined) {
    if (!rows.length) throw notFound(list.within);
    rows = rows.filter((r) => r[key] !== null);
  }
  return toSortedPage(rows, list.limit, sort, (r) => ({ value: r[sort.field] as string | Date, key: r[key] as string }));
}
