"use client";
import { useId, useState } from "react";
import { useT } from "@/lib/i18n/client";

export interface FilterFold {
  open: boolean;
  id: string;
  toggle: () => void;
  /** For the filters' box: hidden below sm until the button opens it; always shown from sm up. */
  className: string;
}

/** A page's filters fold away behind a "Filters" button on a phone (below sm); search stays out of the fold. */
export function useFilterFold(): FilterFold {
  const [open, setOpen] = useState(false);
  const id = useId();
  return { open, id, toggle: () => setOpen((o) => !o), className: open ? "" : "max-sm:hidden" };
}

/** The button, shown only below sm, with how many filters are set. */
export function FiltersButton({ fold, count }: { fold: FilterFold; count: number }) {
  const t = useT();
  return (
    <button
      type="button"
      aria-expanded={fold.open}
      aria-controls={fold.id}
      onClick={fold.toggle}
      className="inline-flex items-center gap-2 rounded-md bg-white px-3 py-2 text-sm font-medium text-zinc-700 shadow-sm ring-1 ring-inset ring-zinc-300 hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-indigo-600 sm:hidden"
    >
      <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-4 text-zinc-500">
        <path fillRule="evenodd" d="M2.628 1.601C5.028 1.206 7.49 1 10 1s4.973.206 7.372.601a.75.75 0 0 1 .628.74v2.288a2.25 2.25 0 0 1-.659 1.59l-4.682 4.683a2.25 2.25 0 0 0-.659 1.59v3.037c0 .684-.31 1.33-.844 1.757l-1.937 1.55A.75.75 0 0 1 8 18.25v-5.757a2.25 2.25 0 0 0-.659-1.591L2.659 6.22A2.25 2.25 0 0 1 2 4.629V2.34a.75.75 0 0 1 .628-.74Z" clipRule="evenodd" />
      </svg>
      {t("layout.filters")}
      {count > 0 && (
        <span className="rounded-full bg-indigo-600 px-1.5 text-xs font-semibold text-white">
          <span aria-hidden="true">{count}</span>
          <span className="sr-only">{t("layout.filtersActive", { count })}</span>
        </span>
      )}
    </button>
  );
}
