"use client";
import type { Level } from "@/lib/rbac/catalogue";
import { useWords } from "@/lib/i18n/use-words";

/** A role in a table or list: its name in the console's language, and the name the API and YAML use when that differs (no level known: the name). */
export function RoleName({ level, name }: { level: Level | undefined; name: string }) {
  const words = useWords();
  const label = level ? words.role(level, name) : name;
  return (
    <>
      {label}
      {label !== name && <span className="ml-1 font-mono text-xs text-zinc-500">{name}</span>}
    </>
  );
}
