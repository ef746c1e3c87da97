// What a finished mutation tells the user. Each hook says it in `meta.toast`; the MutationCache
// (components/providers.tsx) shows it, or the problem's title when the mutation fails.
import type { MessageKey, Vars } from "@/lib/i18n";

export interface ToastMessage {
  key: MessageKey;
  vars?: Vars;
}

export const toastMessage = (key: MessageKey, vars?: Vars): ToastMessage => ({ key, vars });

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
