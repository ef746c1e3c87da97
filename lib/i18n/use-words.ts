"use client";
import { useMemo } from "react";
import type { Level } from "../rbac/catalogue";
import { useLocale, useT } from "./client";
import { roleLabel, word, type WordKind } from "./words";

/** lib/i18n/words bound to the console's language: `word(kind, value)` and `role(level, name)`. */
export function useWords() {
  const t = useT();
  const locale = useLocale();
  return useMemo(() => ({ word: (kind: WordKind, value: string) => word(t, kind, value), role: (level: Level, name: string) => roleLabel(level, name, locale) }), [t, locale]);
}
