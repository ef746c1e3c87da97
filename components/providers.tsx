"use client";
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { ApiError } from "@/lib/client/api";

// Client errors (4xx) will not change on a retry; network and server errors might.
const retry = (failures: number, error: unknown) => !(error instanceof ApiError && error.status < 500) && failures < 2;

export function Providers({ children }: { children: ReactNode }) {
  const router = useRouter();
  const [client] = useState(() => {
    // A lapsed session surfaces as a 401 from any call: back to sign-in, then return here.
    const onError = (error: unknown) => {
      if (error instanceof ApiError && error.status === 401) {
        router.replace(`/login?callbackUrl=${encodeURIComponent(window.location.pathname + window.location.search)}`);
      }
    };
    return new QueryClient({
      queryCache: new QueryCache({ onError }),
      mutationCache: new MutationCache({ onError }),
      defaultOptions: { queries: { retry, staleTime: 5_000 } },
    });
  });
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
