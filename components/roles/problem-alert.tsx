"use client";
import { ApiError } from "@/lib/client/api";
import { useLocale, useT } from "@/lib/i18n/client";
import { ProblemAlert as Alert } from "@/components/ui/problem";
import type { TemplateIndex } from "./role-selection";

/** The BFF's refusal in words; an escalation refusal also lists what the caller lacks. */
export function ProblemAlert({ error, index }: { error: unknown; index?: TemplateIndex }) {
  const t = useT();
  const locale = useLocale();
  if (!error) return null;
  const missing = error instanceof ApiError ? error.missing : [];
  return (
    <Alert error={error}>
      {missing.length > 0 && (
        <>
          <p className="mt-2 font-medium">{t("roles.missing")}</p>
          <ul className="mt-1 list-disc space-y-0.5 pl-5">
            {missing.map((name) => (
              <li key={name}>
                <span className="font-mono text-xs">{name}</span>
                {index?.get(name) && <span> — {index.get(name)!.description[locale]}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
    </Alert>
  );
}
