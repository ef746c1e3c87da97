"use client";
import type { ReactNode } from "react";
import { ApiError, errorMessage } from "@/lib/client/api";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n";
import { problemTitle } from "@/lib/i18n/problems";
import { Button } from "./button";
import { NotFound } from "./not-found";

const panel = "rounded-lg border border-dashed border-zinc-300 bg-white px-6 py-10 text-center";

export function LoadingState({ label }: { label?: string }) {
  const t = useT();
  return (
    <div role="status" className={`${panel} text-sm text-zinc-500`}>
      <span aria-hidden="true" className="mx-auto mb-3 block size-5 animate-spin rounded-full border-2 border-zinc-300 border-t-indigo-600" />
      {label ?? t("common.loading")}
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

const titles: Record<number, MessageKey> = { 403: "common.forbiddenTitle" };

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  const status = error instanceof ApiError ? error.status : undefined;
  // The cluster's refusal (cluster_forbidden) is not the console's: its title says the cluster refused.
  const own = error instanceof ApiError && !error.code.startsWith("cluster_");
  // Missing and hidden look alike (404 for both): every page says so the same way, with a way back.
  if (status === 404) return <NotFound />;
  // Retrying a refusal gives the same answer; offer it for the rest.
  const retryable = status !== 403;
  return (
    <div role="alert" className="rounded-lg bg-red-50 px-6 py-8 text-center ring-1 ring-inset ring-red-600/20">
      <p className="text-sm font-medium text-red-800">{status && own && titles[status] ? t(titles[status]) : error instanceof ApiError || error instanceof TypeError ? problemTitle(error, t) : t("common.errorTitle")}</p>
      <p className="mt-1 text-sm text-red-700">{errorMessage(error, t)}</p>
      {onRetry && retryable && (
        <Button variant="secondary" className="mt-4" onClick={onRetry}>
          {t("common.retry")}
        </Button>
      )}
    </div>
  );
}
