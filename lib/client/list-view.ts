"use client";
// What a list shows — search, sort, filters, hidden columns — lives in the URL, so a reload or a shared link
// shows the same view. The API gets the same names (`q`, `sort`, each filter); `hide` stays in the browser.
import { useCallback, useMemo } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { readListView, type ListViewState } from "./list-params";

export interface ListView<F extends string = string> extends ListViewState<F> {
  set: (changes: Partial<Record<"q" | "sort" | "hide" | F, string | undefined>>) => void;
}

/** `prefix` keeps two lists on one page apart (`members.sort`). */
export function useListView<F extends string = never>(filterKeys: readonly F[] = [], prefix = ""): ListView<F> {
  const search = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const key = useCallback((k: string) => (prefix ? `${prefix}.${k}` : k), [prefix]);
  const keys = filterKeys.join(",");

  const view = useMemo(() => readListView((k) => search.get(k) ?? undefined, (keys ? keys.split(",") : []) as F[], prefix), [search, keys, prefix]);

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
