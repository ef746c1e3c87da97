"use client";
import { useEffect, useState, type KeyboardEvent } from "react";

/** The value once it has stopped changing for `ms`: a search box sends one query per pause, not per key. */
export function useDebounced<T>(value: T, ms = 200): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** Arrow keys move the active option of a combobox's listbox, Enter picks it (WAI-ARIA combobox pattern). */
export function useListbox<T>(items: T[], onPick: (item: T) => void) {
  const [active, setActive] = useState(0);
  const index = items.length ? Math.min(active, items.length - 1) : -1;
  function onKeyDown(e: KeyboardEvent) {
    if (!items.length) return;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      const step = e.key === "ArrowDown" ? 1 : -1;
      setActive((index + step + items.length) % items.length);
    } else if (e.key === "Enter" && index >= 0) {
      e.preventDefault();
      onPick(items[index]!);
    }
  }
  return { active: index, setActive, onKeyDown };
}
