"use client";
import { ErrorState } from "@/components/ui/states";

// An unexpected failure while rendering a console page: keep the shell, offer a retry.
export default function ConsoleError({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return <ErrorState error={error} onRetry={retry} />;
}
