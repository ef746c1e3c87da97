"use client";
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { ApiError } from "@/lib/client/api";
import { problemKey } from "@/lib/i18n/problems";
import { sentByForm } from "@/lib/client/toast";
import { ToastProvider, useToast } from "@/components/ui/toast";

// Client errors (4xx) will not change on a retry; network and server errors might.
const retry = (failures: number, error: unknown) => !(error instanceof ApiError && error.status < 500) && failures < 2;
const lapsed = (error: unknown) => error instanceof ApiError && error.status === 401;

export function Providers({ children }: { children: ReactNode }) {
  return (
    <ToastProvider>
      <QueryProvider>{children}</QueryProvider>
    </ToastProvider>
  );
}

function QueryProvider({ children }: { children: ReactNode }) {
  const router = useRouter();
  const toast = useToast();
  const [client] = useState(() => {
    // A lapsed session surfaces as a 401 from any call: back to sign-in, then return here.
    const onError = (error: unknown) => {
      if (lapsed(error)) {
        router.replace(`/login?callbackUrl=${encodeURIComponent(window.location.pathname + window.location.search)}`);
      }
    };
    return new QueryClient({
      queryCache: new QueryCache({ onError }),
      // A mutation that says what it does (meta.toast) reports how it went, even after its form has gone.
      mutationCache: new MutationCache({
        onSuccess: (data, variables, _result, mutation) => {
          const message = mutation.meta?.toast?.(data as never, variables as never);
          if (message) toast({ ...message, tone: "success" });
        },
        onError: (error, variables, _result, mutation) => {
          onError(error);
          if (mutation.meta?.toast && !lapsed(error) && !sentByForm(variables)) toast({ key: problemKey(error), tone: "error" });
        },
      }),
      defaultOptions: { queries: { retry, staleTime: 5_000 } },
    });
  });
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
