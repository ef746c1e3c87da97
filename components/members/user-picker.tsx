"use client";
// The invite form's user field: a combobox over the users the caller may add here (GET …/invitees, searched on
// the server as you type and paged), so a member is picked from who exists rather than typed by name.
import { useEffect, useId, useState } from "react";
import type { AccessScope } from "@/lib/client/access-scope";
import { useInvitees } from "@/lib/client/hooks/members";
import { useT } from "@/lib/i18n/client";

const DEBOUNCE_MS = 300;

export function UserPicker({ scope, value, onChange, error, hint }: { scope: AccessScope; value: string; onChange: (username: string) => void; error?: string; hint?: string }) {
  const t = useT();
  const id = useId();
  const [text, setText] = useState(value);
  const [q, setQ] = useState(value);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);
  const invitees = useInvitees(scope, q);
  const options = invitees.data?.pages.flatMap((p) => p.items) ?? [];
  const shown = open && (options.length > 0 || !invitees.isPending);

  function choose(username: string) {
    setText(username);
    setOpen(false);
    onChange(username);
  }

  function onKeyDown(e: React.KeyboardEvent<HTMLInputElement>) {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      setOpen(true);
      setActive((i) => Math.max(0, Math.min(options.length - 1, i + (e.key === "ArrowDown" ? 1 : -1))));
    } else if (e.key === "Enter" && open && options[active]) {
      e.preventDefault();
      choose(options[active].username);
    } else if (e.key === "Escape") {
      setOpen(false);
    }
  }

  const describedBy = (error ? `${id}-error` : hint ? `${id}-hint` : undefined);
  return (
    <div className="relative space-y-1.5">
      <label htmlFor={`${id}-input`} className="block text-sm font-medium text-zinc-800">
        {t("members.username")}
      </label>
      <input
        id={`${id}-input`}
        role="combobox"
        aria-expanded={shown}
        aria-controls={shown ? `${id}-list` : undefined}
        aria-autocomplete="list"
        aria-activedescendant={shown && options[active] ? `${id}-opt-${active}` : undefined}
        aria-invalid={!!error || undefined}
        aria-describedby={describedBy}
        autoComplete="off"
        spellCheck={false}
        placeholder={t("picker.placeholder")}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setActive(0);
          setOpen(true);
          // Typing again undoes a choice: only a picked user is sent.
          if (value) onChange("");
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
        className="block w-full rounded-md border-0 bg-white px-3 py-2 text-sm shadow-sm ring-1 ring-inset ring-zinc-300 placeholder:text-zinc-400 focus:ring-2 focus:ring-inset focus:ring-indigo-600"
      />
      {shown && (
        <ul id={`${id}-list`} role="listbox" aria-label={t("picker.label")} className="absolute z-30 max-h-64 w-full overflow-auto rounded-md bg-white py-1 text-sm shadow-lg ring-1 ring-zinc-200">
          {options.length === 0 ? (
            <li className="px-3 py-2 text-zinc-500">{invitees.isFetching ? t("picker.searching") : t("picker.none", { q })}</li>
          ) : (
            options.map((u, i) => (
              <li
                key={u.username}
                id={`${id}-opt-${i}`}
                role="option"
                aria-selected={i === active}
                // Chosen on mousedown: a click's blur would close the list first.
                onMouseDown={(e) => {
                  e.preventDefault();
                  choose(u.username);
                }}
                className={`cursor-pointer px-3 py-2 ${i === active ? "bg-indigo-50 text-indigo-900" : "text-zinc-900"}`}
              >
                <span className="font-medium">{u.username}</span>
                {u.displayName && <span className="ml-2 text-zinc-500">{u.displayName}</span>}
              </li>
            ))
          )}
          {invitees.hasNextPage && (
            <li>
              <button
                type="button"
                onMouseDown={(e) => {
                  e.preventDefault();
                  void invitees.fetchNextPage();
                }}
                className="w-full px-3 py-2 text-left text-indigo-700 hover:bg-zinc-50"
              >
                {t("picker.more")}
              </button>
            </li>
          )}
        </ul>
      )}
      {hint && !error && (
        <p id={`${id}-hint`} className="text-xs text-zinc-500">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-xs text-red-600">
          {error}
        </p>
      )}
    </div>
  );
}
