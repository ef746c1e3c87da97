"use client";
import type { TestResult } from "@/lib/client/hooks/identity";
import { useT } from "@/lib/i18n/client";

/** A test connection's answer, for the form and the provider's card. */
export function TestResultLine({ result }: { result: TestResult | undefined }) {
  const t = useT();
  if (!result) return null;
  return (
    <p role="status" className={`text-sm ${result.ok ? "text-emerald-700" : "text-red-700"}`}>
      {t(result.ok ? "idp.testOk" : "idp.testFailed", { message: result.message })}
    </p>
  );
}
