"use client";
import { useEffect, useEffectEvent, useState } from "react";

const DEBOUNCE_MS = 300;

/** Search as you type: `onChange` fires once typing pauses, not per keystroke. Follows `value` when it changes from outside (back, reload). */
export function SearchInput({ label, value, onChange }: { label: string; value: string; onChange: (q: string) => void }) {
  const [text, setText] = useState(value);
  const [sent, setSent] = useState(value);
  if (value !== sent) {
    setSent(value);
    setText(value);
  }
  const send = useEffectEvent((q: string) => {
    setSent(q);
    onChange(q);
  });
  useEffect(() => {
    const q = text.trim();
    if (q === sent) return;
    const timer = setTimeout(() => send(q), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, sent]);
  return (
    <input
      type="search"
      aria-label={label}
      placeholder={`${label}…`}
      value={text}
      onChange={(e) => setText(e.target.value)}
      className="block w-full max-w-md rounded-md border-0 bg-white px-3 py-2 text-sm shadow-sm ring-1 ring-inset ring-zinc-300 placeholder:text-zinc-400 focus:ring-2 focus:ring-inset focus:ring-indigo-600"
    />
  );
}
