"use client";
import type { ReactNode, TdHTMLAttributes, ThHTMLAttributes } from "react";
import { useT } from "@/lib/i18n/client";

/**
 * A table in a bordered card that scrolls sideways on narrow screens. `relative` makes the card the containing
 * block of the sr-only (absolutely positioned) header labels, so they scroll with the table instead of widening the page.
 */
export function DataTable({ caption, children }: { caption: string; children: ReactNode }) {
  return (
    <div className="relative overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-zinc-200">
      <table className="min-w-full divide-y divide-zinc-200 text-sm">
        <caption className="sr-only">{caption}</caption>
        {children}
      </table>
    </div>
  );
}

// A pinned column stays at the right edge of the scrolling card, opaque over what scrolls under it.
const PIN = "sticky right-0";

export function Th({ className = "", pinned = false, ...props }: ThHTMLAttributes<HTMLTableCellElement> & { pinned?: boolean }) {
  return (
    <th
      scope="col"
      className={`whitespace-nowrap bg-zinc-50 px-4 py-2.5 text-left text-xs font-semibold uppercase tracking-wide text-zinc-500 ${pinned ? PIN : ""} ${className}`}
      {...props}
    />
  );
}

/** The header of the row buttons' column: named for screen readers only. */
export function ActionsTh() {
  const t = useT();
  return (
    <Th>
      <span className="sr-only">{t("ui.actions")}</span>
    </Th>
  );
}

/** `wrap`: a long value breaks onto more lines (at least 7rem wide) instead of widening the table. */
export function Td({ className = "", wrap = false, pinned = false, ...props }: TdHTMLAttributes<HTMLTableCellElement> & { wrap?: boolean; pinned?: boolean }) {
  const flow = wrap ? "min-w-28 whitespace-normal [overflow-wrap:anywhere]" : "whitespace-nowrap";
  return <td className={`${flow} px-4 py-3 text-zinc-700 ${pinned ? `${PIN} bg-white group-hover:bg-zinc-50` : ""} ${className}`} {...props} />;
}

/** A header row of plain column titles. */
export function THead({ head }: { head: string[] }) {
  return (
    <thead>
      <tr>
        {head.map((h) => (
          <Th key={h}>{h}</Th>
        ))}
      </tr>
    </thead>
  );
}

export function TBody({ children }: { children: ReactNode }) {
  return <tbody className="divide-y divide-zinc-100">{children}</tbody>;
}
