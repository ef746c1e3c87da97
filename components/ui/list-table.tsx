"use client";
// Every list of the console: a headless TanStack table whose sort, filters, search and visible columns live in
// the URL (lib/client/list-view.ts). Sorting, filtering and paging are the server's (manual*): the table only
// renders one page after another and turns header clicks into a `sort` the list route understands.
import { Fragment, useMemo, type ReactNode } from "react";
import { columnVisibilityFeature, rowSortingFeature, tableFeatures, useTable, type ColumnDef, type ColumnVisibilityState, type RowData, type SortingState, type Updater } from "@tanstack/react-table";
import type { ListView } from "@/lib/client/list-view";
import { useT } from "@/lib/i18n/client";
import { Button } from "./button";
import { DataTable, TBody, Td, Th } from "./data-table";
import { FiltersButton, useFilterFold } from "./filter-fold";
import { SearchInput } from "./search-input";
import { EmptyState, ErrorState, LoadingState } from "./states";

const features = tableFeatures({ rowSortingFeature, columnVisibilityFeature });

export interface ListColumn<T> {
  id: string;
  header: string;
  cell: (row: T) => ReactNode;
  /** The list route sorts by this column's id. */
  sortable?: boolean;
  /** Name, actions: always shown. */
  fixed?: boolean;
  /** Header for screen readers only (the row buttons' column). */
  srOnly?: boolean;
  /** Long values (names, paths) wrap instead of widening the table. */
  wrap?: boolean;
  /** Stays in sight at the table's right edge while the rest scrolls sideways (the row buttons). */
  pinned?: boolean;
  className?: string;
}

/** The row buttons' column, the same in every list: spread it and add its header and cell. */
export const actionsColumn = { id: "actions", srOnly: true, fixed: true, pinned: true, className: "text-right" } as const;

export interface ListFilter {
  key: string;
  label: string;
  options: { value: string; label: string }[];
}

/** Rows and where they stand: a paged list (fromInfinite) or a whole one (fromQuery). */
export interface ListSource<T> {
  rows: T[];
  pending: boolean;
  error: unknown;
  retry: () => void;
  /** A new search or sort is on its way; the old rows stay until it lands. */
  refreshing?: boolean;
  next?: { has: boolean; loading: boolean; load: () => void };
}

interface Props<T> {
  caption: string;
  columns: ListColumn<T>[];
  source: ListSource<T>;
  rowKey: (row: T) => string;
  view: ListView;
  /** The route's own order when `sort` is absent, shown on its column (`name`, `-createdAt`). */
  defaultSort?: string;
  search?: string;
  filters?: ListFilter[];
  loadingLabel?: string;
  /** Shown when the list is empty without any search or filter. */
  empty: ReactNode;
  /** Shown when a search or filter leaves nothing; default: a generic sentence. */
  noMatch?: string;
  /** A row's detail under it (the audit log), or null when closed. */
  expanded?: (row: T) => ReactNode | null;
}

const toSorting = (sort: string | undefined): SortingState => (sort ? [{ id: sort.replace(/^-/, ""), desc: sort.startsWith("-") }] : []);
const apply = <S,>(u: Updater<S>, old: S): S => (typeof u === "function" ? (u as (o: S) => S)(old) : u);

export function ListTable<T extends RowData>({ caption, columns, source, rowKey, view, defaultSort, search, filters = [], loadingLabel, empty, noMatch, expanded }: Props<T>) {
  const t = useT();
  const sorting = useMemo(() => toSorting(view.sort ?? defaultSort), [view.sort, defaultSort]);
  const columnVisibility = useMemo<ColumnVisibilityState>(() => Object.fromEntries(view.hidden.map((id) => [id, false])), [view.hidden]);
  const defs = useMemo<ColumnDef<typeof features, T>[]>(
    () =>
      columns.map((c) => ({
        id: c.id,
        accessorFn: () => null,
        header: c.header,
        enableSorting: !!c.sortable,
        enableHiding: !c.fixed,
      })),
    [columns],
  );
  const table = useTable({
    features,
    columns: defs,
    data: source.rows,
    getRowId: (row) => rowKey(row),
    state: { sorting, columnVisibility },
    manualSorting: true,
    enableMultiSort: false,
    // A sorted column flips between ascending and descending; the first click on another sorts it ascending.
    enableSortingRemoval: false,
    sortDescFirst: false,
    onSortingChange: (u) => {
      const next = apply(u, sorting)[0];
      const value = next && `${next.desc ? "-" : ""}${next.id}`;
      view.set({ sort: value === defaultSort ? undefined : value });
    },
    onColumnVisibilityChange: (u) => {
      const next = apply(u, columnVisibility);
      view.set({ hide: Object.keys(next).filter((id) => next[id] === false).join(",") || undefined });
    },
  });
  const byId = new Map(columns.map((c) => [c.id, c]));
  const narrowed = !!view.q || Object.keys(view.filters).length > 0;
  const visible = table.getVisibleLeafColumns().length;
  const fold = useFilterFold();

  return (
    <div className="space-y-3">
      <div role="search" aria-label={caption} className="flex flex-wrap items-end gap-2">
        {search && <SearchInput label={search} value={view.q} onChange={(q) => view.set({ q: q || undefined })} />}
        {filters.length > 0 && <FiltersButton fold={fold} count={filters.filter((f) => (view.filters as Record<string, string>)[f.key]).length} />}
        <div id={fold.id} className={`contents ${fold.className}`}>
          {filters.map((f) => (
            <select
              key={f.key}
              aria-label={f.label}
              value={(view.filters as Record<string, string>)[f.key] ?? ""}
              onChange={(e) => view.set({ [f.key]: e.target.value || undefined })}
              className="rounded-md border-0 bg-white py-2 pl-3 pr-8 text-sm shadow-sm ring-1 ring-inset ring-zinc-300 focus:ring-2 focus:ring-indigo-600"
            >
              <option value="">{t("tables.any", { filter: f.label.toLowerCase() })}</option>
              {f.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          ))}
        </div>
        <details className="relative ml-auto">
          <summary className="cursor-pointer list-none rounded-md bg-white px-3 py-2 text-sm font-medium text-zinc-700 shadow-sm ring-1 ring-inset ring-zinc-300 hover:bg-zinc-50">
            {t("tables.columns")}
          </summary>
          <fieldset className="absolute right-0 z-20 mt-1 min-w-48 space-y-1 rounded-md bg-white p-3 shadow-lg ring-1 ring-zinc-200">
            <legend className="sr-only">{t("tables.columns")}</legend>
            {table
              .getAllLeafColumns()
              .filter((c) => c.getCanHide())
              .map((c) => (
                <label key={c.id} className="flex items-center gap-2 text-sm text-zinc-700">
                  <input type="checkbox" checked={c.getIsVisible()} onChange={(e) => c.toggleVisibility(e.target.checked)} className="rounded border-zinc-300" />
                  {byId.get(c.id)?.header}
                </label>
              ))}
          </fieldset>
        </details>
      </div>
      {source.pending ? (
        <LoadingState label={loadingLabel} />
      ) : source.error ? (
        <ErrorState error={source.error} onRetry={source.retry} />
      ) : source.rows.length === 0 ? (
        narrowed ? <EmptyState title={noMatch ?? t("tables.noMatch")} /> : empty
      ) : (
        <div aria-busy={source.refreshing || undefined} className={source.refreshing ? "opacity-60 transition-opacity" : undefined}>
          <DataTable caption={caption}>
            <thead>
              {table.getHeaderGroups().map((group) => (
                <tr key={group.id}>
                  {group.headers.map((h) => {
                    const c = byId.get(h.column.id)!;
                    const dir = h.column.getIsSorted();
                    return (
                      <Th key={h.id} aria-sort={dir === "asc" ? "ascending" : dir === "desc" ? "descending" : undefined} pinned={c.pinned} className={c.className}>
                        {c.srOnly ? (
                          <span className="sr-only">{c.header}</span>
                        ) : h.column.getCanSort() ? (
                          <button type="button" onClick={h.column.getToggleSortingHandler()} className="inline-flex items-center gap-1 uppercase hover:text-zinc-900" title={t("tables.sortBy", { column: c.header })}>
                            {c.header}
                            <span aria-hidden="true">{dir === "asc" ? "▲" : dir === "desc" ? "▼" : "↕"}</span>
                            {dir && <span className="sr-only">{t(dir === "asc" ? "tables.sortedAsc" : "tables.sortedDesc")}</span>}
                          </button>
                        ) : (
                          c.header
                        )}
                      </Th>
                    );
                  })}
                </tr>
              ))}
            </thead>
            <TBody>
              {table.getRowModel().rows.map((row) => {
                const detail = expanded?.(row.original);
                return (
                  <Fragment key={row.id}>
                    <tr className="group hover:bg-zinc-50">
                      {row.getVisibleCells().map((cell) => {
                        const c = byId.get(cell.column.id)!;
                        return (
                          <Td key={cell.id} wrap={c.wrap} pinned={c.pinned} className={c.className}>
                            {c.cell(row.original)}
                          </Td>
                        );
                      })}
                    </tr>
                    {detail && (
                      <tr>
                        <td colSpan={visible} className="bg-zinc-50 px-4 py-3">
                          {detail}
                        </td>
                      </tr>
                    )}
                  </Fragment>
                );
              })}
            </TBody>
          </DataTable>
        </div>
      )}
      {source.next?.has && !source.pending && (
        <div className="flex justify-center">
          <Button variant="secondary" data-control="paging" onClick={source.next.load} disabled={source.next.loading}>
            {source.next.loading ? t("common.loading") : t("common.loadMore")}
          </Button>
        </div>
      )}
    </div>
  );
}
