"use client";
import { useRouter } from "next/navigation";
import { useEffect, useId, useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { StatusBadge } from "@/components/ui/status-badge";
import { useSearch } from "@/lib/client/hooks/dashboard";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n";
import { useDebounced, useListbox } from "./use-listbox";

interface Hit {
  group: "workspaces" | "projects" | "users";
  key: string;
  label: string;
  detail?: string;
  status?: string;
  href: string;
}

const groupTitle: Record<Hit["group"], MessageKey> = { workspaces: "search.workspaces", projects: "search.projects", users: "search.users" };

const typing = (el: EventTarget | null) => el instanceof HTMLElement && (el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName));

/** Ctrl/⌘+K (or "/" outside a text field) opens a search over workspaces, projects and users. */
export function GlobalSearch() {
  const t = useT();
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.key.toLowerCase() === "k" && (e.metaKey || e.ctrlKey)) || (e.key === "/" && !typing(e.target))) {
        e.preventDefault();
        setOpen(true);
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        aria-keyshortcuts="Control+K Meta+K /"
        className="flex items-center gap-2 rounded-md px-2.5 py-1.5 text-sm text-zinc-500 ring-1 ring-inset ring-zinc-300 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-indigo-600"
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-4">
          <path fillRule="evenodd" d="M9 3.5a5.5 5.5 0 1 0 0 11 5.5 5.5 0 0 0 0-11ZM2 9a7 7 0 1 1 12.452 4.391l3.328 3.329a.75.75 0 1 1-1.06 1.06l-3.329-3.328A7 7 0 0 1 2 9Z" clipRule="evenodd" />
        </svg>
        <span className="sr-only lg:not-sr-only">{t("search.open")}</span>
        <kbd aria-hidden="true" className="hidden rounded bg-zinc-100 px-1.5 font-sans text-xs text-zinc-600 lg:inline">
          Ctrl K
        </kbd>
      </button>
      <Dialog open={open} title={t("search.title")} onClose={() => setOpen(false)}>
        <SearchPanel onDone={() => setOpen(false)} />
      </Dialog>
    </>
  );
}

function SearchPanel({ onDone }: { onDone: () => void }) {
  const t = useT();
  const router = useRouter();
  const [text, setText] = useState("");
  const q = useDebounced(text.trim());
  const search = useSearch(q);
  const busy = q !== text.trim() || search.isFetching;
  const listId = useId();
  const data = q ? search.data : undefined;
  const hits: Hit[] = [
    ...(data?.workspaces ?? []).map((w): Hit => ({ group: "workspaces", key: `w/${w.name}`, label: w.displayName || w.name, detail: w.name, href: `/workspaces/${w.name}` })),
    ...(data?.projects ?? []).map((p): Hit => ({ group: "projects", key: `p/${p.workspace}/${p.name}`, label: p.displayName || p.name, detail: p.workspace, status: p.status, href: `/workspaces/${p.workspace}/projects/${p.name}` })),
    ...(data?.users ?? []).map((u): Hit => ({ group: "users", key: `u/${u.username}`, label: u.username, detail: u.displayName ?? undefined, href: `/users?q=${encodeURIComponent(u.username)}` })),
  ];
  const go = (hit: Hit) => {
    onDone();
    router.push(hit.href);
  };
  const { active, setActive, onKeyDown } = useListbox(hits, go);

  return (
    <div>
      <input
        autoFocus
        type="search"
        role="combobox"
        aria-label={t("search.label")}
        aria-expanded={hits.length > 0}
        aria-controls={listId}
        aria-activedescendant={active >= 0 ? `${listId}-${active}` : undefined}
        placeholder={t("search.placeholder")}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
        className="block w-full rounded-md border-0 bg-white px-3 py-2 text-sm text-zinc-900 ring-1 ring-inset ring-zinc-300 placeholder:text-zinc-500 focus:ring-2 focus:ring-indigo-600"
      />
      <ul id={listId} role="listbox" aria-label={t("search.results")} aria-busy={busy} className="mt-3 max-h-80 overflow-y-auto">
        {hits.map((h, i) => (
          <li
            key={h.key}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            onMouseEnter={() => setActive(i)}
            onClick={() => go(h)}
            className={`flex cursor-pointer items-center justify-between gap-3 rounded px-3 py-2 text-sm ${i === active ? "bg-indigo-50 text-indigo-700" : "text-zinc-700"}`}
          >
            <span className="min-w-0 truncate">
              <span className="mr-2 text-xs uppercase tracking-wide text-zinc-500">{t(groupTitle[h.group])}</span>
              <span className="font-medium">{h.label}</span>
              {h.detail && h.detail !== h.label && <span className="ml-2 font-mono text-xs text-zinc-500">{h.detail}</span>}
            </span>
            {h.status && <StatusBadge status={h.status} />}
          </li>
        ))}
      </ul>
      <p role="status" className="mt-2 text-xs text-zinc-500">
        {!q ? t("search.hint") : search.isFetching && !data ? t("common.loading") : hits.length ? t("search.count", { count: hits.length }) : t("search.none", { q })}
      </p>
    </div>
  );
}
