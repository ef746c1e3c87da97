// Keyset pagination over a unique, ordered string key (names): the cursor is the last key seen.

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
