// Keyset pagination. Unsorted lists (login records) page over one key and their cursor is that key; sortable
// lists page over (sort field, unique key) and their cursor carries the sort it was made for and the last row's pair.
import { invalid } from "./errors";

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const encodeCursor = (key: string) => Buffer.from(key, "utf8").toString("base64url");
export const decodeCursor = (cursor: string | undefined) => (cursor ? Buffer.from(cursor, "base64url").toString("utf8") : undefined);

/** Call with `limit + 1` rows fetched: the extra row only tells whether there is a next page. */
export function toPage<T>(rows: T[], limit: number, key: (row: T) => string): Page<T> {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? encodeCursor(key(items[items.length - 1]!)) : null };
}

/** A `sort` query value: `field` ascending, `-field` descending. */
export interface Sort<F extends string = string> {
  field: F;
  desc: boolean;
}
type FieldOf<V extends string> = V extends `-${infer F}` ? F : V;
export const parseSort = <V extends string>(value: V): Sort<FieldOf<V>> =>
  (value.startsWith("-") ? { field: value.slice(1), desc: true } : { field: value, desc: false }) as Sort<FieldOf<V>>;
export const sortValue = (s: Sort) => (s.desc ? `-${s.field}` : s.field);
export const direction = (s: Sort) => (s.desc ? "desc" : "asc");

/** Where the last page ended: the sort field's value (a string, or an instant as ISO text) and the row's unique key. */
export interface Keyset {
  value: string;
  key: string;
}

export const encodeSortedCursor = (sort: Sort, at: Keyset) => encodeCursor(JSON.stringify([sortValue(sort), at.value, at.key]));

/**
 * The keyset a cursor continues from under `sort`. A cursor made for another sort, or unreadable, is refused (422
 * naming `cursor`) rather than silently restarting. Cursors from before sorting existed carry the bare key of the
 * default order (`fallback`): they still continue it.
 */
export function readSortedCursor(cursor: string | undefined, sort: Sort, fallback: Sort): Keyset | undefined {
  if (!cursor) return undefined;
  const text = decodeCursor(cursor)!;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (Array.isArray(parsed) && parsed.length === 3 && parsed.every((p) => typeof p === "string")) {
    const [made, value, key] = parsed as [string, string, string];
    if (made === sortValue(sort)) return { value, key };
  } else if (sortValue(sort) === sortValue(fallback) && text && !text.startsWith("[")) {
    return { value: text, key: text };
  }
  throw invalid([{ path: "cursor", message: "This cursor belongs to another sort order or is not one this list gave out." }]);
}

/** `{ gt: v }`, `{ lt: v }` or `{ equals: v }`: what a model's where puts under the field. */
type Op = object;

/**
 * The rows after `at` in ORDER BY field DIR, key DIR: a value beyond it, or the same value and a key beyond.
 * `onField` / `onKey` wrap an operator into the model's where (nested for relations); `asDate` for instant fields.
 * Goes under AND so it never replaces a search's own OR.
 */
export function keysetWhere<W>(at: Keyset | undefined, sort: Sort, keyField: string, onField: (op: Op) => W, onKey: (op: Op) => W, asDate = false): { AND?: W[] } {
  if (!at) return {};
  const beyond = sort.desc ? "lt" : "gt";
  if (sort.field === keyField) return { AND: [onKey({ [beyond]: at.key })] };
  const value = asDate ? new Date(at.value) : at.value;
  if (asDate && Number.isNaN((value as Date).getTime())) throw invalid([{ path: "cursor", message: "This cursor is not one this list gave out." }]);
  const either = { OR: [onField({ [beyond]: value }), { AND: [onField({ equals: value }), onKey({ [beyond]: at.key })] }] };
  return { AND: [either as unknown as W] };
}

/** Call with `limit + 1` rows fetched in (sort, key) order. */
export function toSortedPage<T>(rows: T[], limit: number, sort: Sort, at: (row: T) => { value: string | Date; key: string }): Page<T> {
  const items = rows.slice(0, limit);
  if (rows.length <= limit) return { items, nextCursor: null };
  const last = at(items[items.length - 1]!);
  return { items, nextCursor: encodeSortedCursor(sort, { value: last.value instanceof Date ? last.value.toISOString() : last.value, key: last.key }) };
}
