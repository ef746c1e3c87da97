"use client";
import { useParams, useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { useWorkspaces } from "@/lib/client/hooks/workspaces";
import { useT } from "@/lib/i18n/client";
import { useDebounced, useListbox } from "./use-listbox";

/** Jump to a workspace: the list is searched on the server (?q=, 50 a page), so it stays fast at thousands. */
export function WorkspaceSwitcher() {
  const t = useT();
  const current = useParams<{ ws?: string }>().ws;
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const outside = (e: MouseEvent) => !rootRef.current?.contains(e.target as Node) && setOpen(false);
    document.addEventListener("mousedown", outside);
    return () => document.removeEventListener("mousedown", outside);
  }, [open]);

  function close(refocus: boolean) {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  }

  return (
    <div ref={rootRef} className="relative min-w-0">
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-haspopup="listbox"
        onClick={() => (open ? close(true) : setOpen(true))}
        className="flex max-w-full items-center gap-2 sm:max-w-48 rounded-md px-2.5 py-1.5 text-sm font-medium text-zinc-700 ring-1 ring-inset ring-zinc-300 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-indigo-600"
      >
        <span className="sr-only">{t("switcher.label")}: </span>
        <span className="min-w-0 truncate">{current ?? t("switcher.choose")}</span>
        <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-4 shrink-0 text-zinc-500">
          <path fillRule="evenodd" d="M10 3a.75.75 0 0 1 .55.24l3.25 3.5a.75.75 0 1 1-1.1 1.02L10 4.852 7.3 7.76a.75.75 0 0 1-1.1-1.02l3.25-3.5A.75.75 0 0 1 10 3Zm-3.76 9.2a.75.75 0 0 1 1.06.04l2.7 2.908 2.7-2.908a.75.75 0 1 1 1.1 1.02l-3.25 3.5a.75.75 0 0 1-1.1 0l-3.25-3.5a.75.75 0 0 1 .04-1.06Z" clipRule="evenodd" />
        </svg>
      </button>
      {open && <SwitcherPanel onClose={close} />}
    </div>
  );
}

/** Mounted only while open, so no page pays for the workspace query until someone opens the switcher. */
function SwitcherPanel({ onClose }: { onClose: (refocus: boolean) => void }) {
  const t = useT();
  const router = useRouter();
  const [text, setText] = useState("");
  const settled = useDebounced(text.trim());
  const list = useWorkspaces({ q: settled });
  // Until the list answers what was typed, it is busy: Enter would pick from stale results.
  const busy = settled !== text.trim() || list.isFetching;
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const listId = useId();
  const go = (name: string) => {
    onClose(false);
    router.push(`/workspaces/${name}`);
  };
  const { active, setActive, onKeyDown } = useListbox(items, (w) => go(w.name));

  return (
    <div className="absolute left-0 z-30 mt-2 w-72 max-w-[calc(100vw-1.5rem)] rounded-md bg-white p-2 shadow-lg ring-1 ring-zinc-200">
      <input
        autoFocus
        type="search"
        role="combobox"
        aria-label={t("switcher.search")}
        aria-expanded="true"
        aria-controls={listId}
        aria-activedescendant={active >= 0 ? `${listId}-${active}` : undefined}
        placeholder={t("switcher.search")}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => (e.key === "Escape" ? onClose(true) : onKeyDown(e))}
        className="block w-full rounded-md border-0 bg-white px-3 py-2 text-sm text-zinc-900 ring-1 ring-inset ring-zinc-300 placeholder:text-zinc-500 focus:ring-2 focus:ring-indigo-600"
      />
      <ul id={listId} role="listbox" aria-label={t("switcher.results")} aria-busy={busy} className="mt-2 max-h-72 overflow-y-auto">
        {items.map((w, i) => (
          <li
            key={w.name}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            onMouseEnter={() => setActive(i)}
            onClick={() => go(w.name)}
            className={`cursor-pointer rounded px-3 py-2 text-sm ${i === active ? "bg-indigo-50 text-indigo-700" : "text-zinc-700"}`}
          >
            <span className="font-medium">{w.displayName || w.name}</span>
            {w.displayName && <span className="ml-2 font-mono text-xs text-zinc-500">{w.name}</span>}
          </li>
        ))}
      </ul>
      {list.isPending ? (
        <p className="px-3 py-2 text-sm text-zinc-500">{t("common.loading")}</p>
      ) : !items.length ? (
        <p className="px-3 py-2 text-sm text-zinc-500">{t("switcher.none")}</p>
      ) : (
        list.hasNextPage && (
          <button type="button" onClick={() => list.fetchNextPage()} className="w-full rounded px-3 py-2 text-left text-sm text-indigo-700 hover:bg-zinc-100">
            {t("common.loadMore")}
          </button>
        )
      )}
    </div>
  );
}
