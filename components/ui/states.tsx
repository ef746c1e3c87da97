import type { ReactNode } from "react";
import { ApiError, errorMessage } from "@/lib/client/api";
import { Button } from "./button";

const panel = "rounded-lg border border-dashed border-zinc-300 bg-white px-6 py-10 text-center";

export function LoadingState({ label = "Loading…" }: { label?: string }) {
  return (
    <div role="status" className={`${panel} text-sm text-zinc-500`}>
      <span aria-hidden="true" className="mx-auto mb-3 block size-5 animate-spin rounded-full border-2 border-zinc-300 border-t-indigo-600" />
      {label}
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className={panel}>
      <p className="text-sm font-medium text-zinc-900">{title}</p>
      {children && <div className="mt-2 text-sm text-zinc-500">{children}</div>}
    </div>
  );
}

const titles: Record<number, string> = { 403: "You don't have access to this", 404: "Not found" };

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const status = error instanceof ApiError ? error.status : undefined;
  // Retrying a refusal or a missing object gives the same answer; offer it for the rest.
  const retryable = status !== 403 && status !== 404;
  return (
    <div role="alert" className="rounded-lg bg-red-50 px-6 py-8 text-center ring-1 ring-inset ring-red-600/20">
      <p className="text-sm font-medium text-red-800">{(status && titles[status]) || "Something went wrong"}</p>
      <p className="mt-1 text-sm text-red-700">{errorMessage(error)}</p>
      {onRetry && retryable && (
        <Button variant="secondary" className="mt-4" onClick={onRetry}>
          Retry
        </Button>
      )}
    </div>
  );
}
