// What a finished mutation tells the user. Each hook says it in `meta.toast`; the MutationCache
// (components/providers.tsx) shows it, or the problem's title when the mutation fails.
import type { MessageKey, Vars } from "@/lib/i18n";
import type { WordKind } from "@/lib/i18n/words";
import type { Level } from "@/lib/rbac/catalogue";

/** A var that is an enum word or a role: said in the reader's language when the toast is shown (lib/i18n/words). */
export type WordRef = { kind: WordKind } | { role: Level };

export interface ToastMessage {
  key: MessageKey;
  vars?: Vars;
  words?: Record<string, WordRef>;
}

export const toastMessage = (key: MessageKey, vars?: Vars, words?: Record<string, WordRef>): ToastMessage => ({ key, vars, words });

/** The vars to fill the message with, its words said by `say` (useWords() of lib/i18n/use-words). */
export function toastVars({ vars, words }: ToastMessage, say: { word: (kind: WordKind, value: string) => string; role: (level: Level, name: string) => string }): Vars | undefined {
  if (!words) return vars;
  const said = Object.entries(words).map(([name, ref]) => {
    const value = String(vars?.[name] ?? "");
    return [name, "role" in ref ? say.role(ref.role, value) : say.word(ref.kind, value)];
  });
  return { ...vars, ...Object.fromEntries(said) };
}

declare module "@tanstack/react-query" {
  interface Register {
    mutationMeta: {
      // `never` parameters let each hook name its own data and variables types.
      toast?: (data: never, variables: never) => ToastMessage;
    };
  }
}

// A form reports its own failures (its fields inline, the rest as one toast): the MutationCache leaves alone
// the error of a mutation whose variables a form sent, so nothing is said twice.
const fromForms = new WeakSet<object>();
export const markSentByForm = <T>(variables: T): T => {
  if (typeof variables === "object" && variables !== null) fromForms.add(variables);
  return variables;
};
export const sentByForm = (variables: unknown) => typeof variables === "object" && variables !== null && fromForms.has(variables);
