// A list's view — search, sort, filters, hidden columns — read from the URL's query. The browser reads it in
// useListView (lib/client/list-view.ts); a page's server render reads it the same way to ask the list ahead
// (lib/web/prefetch.tsx) under the very key the browser's query will use.

export interface ListViewState<F extends string = string> {
  q: string;
  /** `field` or `-field`; undefined: the list's default order. */
  sort: string | undefined;
  filters: Partial<Record<F, string>>;
  hidden: string[];
  /** What the list route is asked (empty values left out). */
  params: Record<string, string>;
}

/** `get`: the URL's value of a query key; `prefix` keeps two lists on one page apart (`members.sort`). */
export function readListView<F extends string>(get: (key: string) => string | undefined, filterKeys: readonly F[], prefix = ""): ListViewState<F> {
  const read = (k: string) => get(prefix ? `${prefix}.${k}` : k) || undefined;
  const filters: Partial<Record<F, string>> = {};
  for (const f of filterKeys) {
    const v = read(f);
    if (v) filters[f] = v;
  }
  const q = read("q") ?? "";
  const sort = read("sort");
  const params: Record<string, string> = { ...(filters as Record<string, string>) };
  if (q) params.q = q;
  if (sort) params.sort = sort;
  return { q, sort, filters, hidden: read("hide")?.split(",").filter(Boolean) ?? [], params };
}

export type SearchParams = Record<string, string | string[] | undefined>;

/** A key's value in a page's `searchParams`; a repeated key reads its first value, as URLSearchParams.get() does. */
export const searchValue = (search: SearchParams, key: string) => [search[key]].flat()[0];

/** The list route's params of the view in a page's `searchParams`. */
export const listParams = (search: SearchParams, filterKeys: readonly string[] = [], prefix = "") =>
  readListView((k) => searchValue(search, k), filterKeys, prefix).params;
