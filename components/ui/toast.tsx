"use client";
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import { toastVars, type ToastMessage } from "@/lib/client/toast";
import { useT } from "@/lib/i18n/client";
import { useWords } from "@/lib/i18n/use-words";

/**
 * `detail`: the server's sentence under the summary. `source`: who said it (a form): a toast from the same source
 * replaces the earlier one, so an error is shown once and a later success does not leave it standing.
 */
export type Toast = ToastMessage & { tone: "success" | "error"; detail?: string; source?: string };
type Shown = Toast & { id: number };

// Long enough to read twice; a failure stays longer. Hovering or focusing a toast holds it.
const SHOWN_MS = { success: 6_000, error: 10_000 };
const MAX_SHOWN = 3;

const ToastContext = createContext<(toast: Toast) => void>(() => {});
const DismissContext = createContext<(source: string) => void>(() => {});

/** Shows a toast in the console's notification region. */
export const useToast = () => useContext(ToastContext);
/** Takes down what one source (a form) has shown: its error, once it has succeeded. */
export const useDismissToasts = () => useContext(DismissContext);

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Shown[]>([]);
  const nextId = useRef(0);
  const push = useCallback(
    (toast: Toast) => setToasts((shown) => [...shown.filter((s) => !toast.source || s.source !== toast.source).slice(1 - MAX_SHOWN), { ...toast, id: nextId.current++ }]),
    [],
  );
  const dismiss = useCallback((id: number) => setToasts((shown) => shown.filter((s) => s.id !== id)), []);
  const dismissSource = useCallback((source: string) => setToasts((shown) => shown.filter((s) => s.source !== source)), []);
  const t = useT();
  return (
    <ToastContext.Provider value={push}>
      <DismissContext.Provider value={dismissSource}>{children}</DismissContext.Provider>
      {/* The live region is always there, so a screen reader announces what is added to it. */}
      <div role="status" aria-live="polite" aria-label={t("ui.notifications")} className="pointer-events-none fixed inset-x-4 bottom-4 z-50 flex flex-col items-end gap-2 sm:left-auto sm:w-96">
        {toasts.map((toast) => (
          <ToastItem key={toast.id} toast={toast} onDismiss={dismiss} />
        ))}
      </div>
    </ToastContext.Provider>
  );
}

function ToastItem({ toast, onDismiss }: { toast: Shown; onDismiss: (id: number) => void }) {
  const t = useT();
  const vars = toastVars(toast, useWords());
  const [held, setHeld] = useState(false);
  useEffect(() => {
    if (held) return;
    const timer = setTimeout(() => onDismiss(toast.id), SHOWN_MS[toast.tone]);
    return () => clearTimeout(timer);
  }, [held, toast, onDismiss]);
  const error = toast.tone === "error";
  return (
    <div
      className="pointer-events-auto flex w-full items-start gap-3 rounded-lg bg-white px-4 py-3 text-sm shadow-lg ring-1 ring-zinc-200"
      onMouseEnter={() => setHeld(true)}
      onMouseLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={() => setHeld(false)}
    >
      <span aria-hidden="true" className={`mt-px font-bold ${error ? "text-red-700" : "text-emerald-700"}`}>
        {error ? "!" : "✓"}
      </span>
      <div className="min-w-0 flex-1 break-words text-zinc-900">
        <p className={toast.detail ? "font-medium" : undefined}>{t(toast.key, vars)}</p>
        {toast.detail && <p className="mt-0.5 text-zinc-700">{toast.detail}</p>}
      </div>
      <button
        type="button"
        aria-label={t("ui.dismiss")}
        onClick={() => onDismiss(toast.id)}
        className="-m-1 rounded p-1 leading-none text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-indigo-600"
      >
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}
