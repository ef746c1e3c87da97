"use client";
import type { ReactNode } from "react";
import { errorMessage } from "@/lib/client/api";
import { useT } from "@/lib/i18n/client";
import { problemTitle } from "@/lib/i18n/problems";

const box = "rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 ring-1 ring-inset ring-red-600/20";

/** An API error as an alert: a translated summary from its problem code, then the server's detail. */
export function ProblemAlert({ error, children }: { error: unknown; children?: ReactNode }) {
  const t = useT();
  if (!error) return null;
  return (
    <div role="alert" className={box}>
      <p className="font-medium">{problemTitle(error, t)}</p>
      <p>{errorMessage(error, t)}</p>
      {children}
    </div>
  );
}
