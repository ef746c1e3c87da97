"use client";
// What a list shows — search, sort, filters, hidden columns — lives in the URL, so a reload or a shared link
// shows the same view. The API gets the same names (`q`, `sort`, each filter); `hide` stays in the browser.
import { useCallback, useMemo } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";

export interface ListView<F extends string = string> {
  q: string;
  /** `field` or `-field`; undefined: the list's default order. */
  sort: string | undefined;
  filters: Partial<Record<F, string>>;
  hidden: string[];
  /** What the list route is asked (empty values left out). */
  params: Record<string, string>;
  set: (changes: Partial<Record<"q" | "sort" | "hide" | F, string | undefined>>) => void;
}

/** `prefix` keeps two lists on one page apart (`members.sort`). */
export function useListView<F extends string = never>(filterKeys: readonly F[] = [], prefix = ""): ListView<F> {
  const search = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const key = useCallback((k: string) => (prefix ? `${prefix}.${k}` : k), [prefix]);
  const keys = filterKeys.join(",");

  const view = useMemo(() => {
    const get = (k: string) => search.get(key(k)) || undefined;
    const filters: Partial<Record<F, string>> = {};
    for (const f of keys ? (keys.split(",") as F[]) : []) {
      const v = get(f);
      if (v) filters[f] = v;
    }
    const q = get("q") ?? "";
    const sort = get("sort");
    const params: Record<string, string> = { ...(filters as Record<string, string>) };
    if (q) params.q = q;
    if (sort) params.sort = sort;
    return { q, sort, filters, hidden: get("hide")?.split(",").filter(Boolean) ?? [], params };
  }, [search, key, keys]);

  const set = useCallback(
    (changes: Partial<Record<string, string | undefined>>) => {
      const next = new URLSearchParams(search.toString());
      for (const [k, v] of Object.entries(changes)) {
        if (v) next.set(key(k), v);
        else next.delete(key(k));
      }
      router.replace(next.size ? `${pathname}?${next}` : pathname, { scroll: false });
    },
    [search, router, pathname, key],
  );

  return { ...view, set };
}
