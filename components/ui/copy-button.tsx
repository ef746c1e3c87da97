"use client";
import { useEffect, useState } from "react";
import { Button } from "./button";
import { useT } from "@/lib/i18n/client";

/** Copies `text` (a token, a kubeconfig) to the clipboard and says so for a moment; `what` names it for screen readers. */
export function CopyButton({ text, what }: { text: string; what: string }) {
  const t = useT();
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  useEffect(() => {
    if (state === "idle") return;
    const timer = setTimeout(() => setState("idle"), 2000);
    return () => clearTimeout(timer);
  }, [state]);
  return (
    <>
      <Button variant="secondary" data-control="copy" className="px-2 py-1 text-xs" onClick={() => navigator.clipboard.writeText(text).then(() => setState("copied"), () => setState("failed"))}>
        {state === "copied" ? t("copy.done") : state === "failed" ? t("copy.failed") : t("copy.copy")}
        <span className="sr-only"> {what}</span>
      </Button>
      <span role="status" className="sr-only">{state === "copied" ? t("copy.doneNamed", { name: what }) : ""}</span>
    </>
  );
}
