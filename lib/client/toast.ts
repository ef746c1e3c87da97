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
