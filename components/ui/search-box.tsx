"use client";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { useT } from "@/lib/i18n/client";

/** A search submitted on Enter or the button, so the list is not refetched per keystroke. */
export function SearchBox({ label, onSearch }: { label: string; onSearch: (q: string) => void }) {
  const t = useT();
  const [value, setValue] = useState("");
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    onSearch(value.trim());
  }
  return (
    <form role="search" onSubmit={onSubmit} className="flex max-w-md gap-2">
      <input
        type="search"
        aria-label={label}
        placeholder={`${label}…`}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        className="block w-full rounded-md border-0 bg-white px-3 py-2 text-sm shadow-sm ring-1 ring-inset ring-zinc-300 placeholder:text-zinc-400 focus:ring-2 focus:ring-inset focus:ring-indigo-600"
      />
      <Button type="submit" variant="secondary">
        {t("common.search")}
      </Button>
    </form>
  );
}
