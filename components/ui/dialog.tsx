"use client";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";

/** A modal on the native <dialog>: focus trap, Escape and the dialog role come for free. */
export function Dialog({ open, title, onClose, children }: { open: boolean; title: string; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      // React passes a nested dialog's close up the tree: only this dialog's own closing closes it.
      onClose={(e) => e.target === e.currentTarget && onClose()}
      className="m-auto w-full max-w-lg rounded-lg bg-white p-0 shadow-xl ring-1 ring-zinc-200 backdrop:bg-zinc-900/40"
    >
      {open && (
        <div className="p-6">
          <h2 id={titleId} className="mb-4 text-lg font-semibold text-zinc-900">
            {title}
          </h2>
          {children}
        </div>
      )}
    </dialog>
  );
}

/**
 * Its children mounted from the first time `open` is true on: a dialog whose code loads lazily (next/dynamic) loads
 * it when first opened, not right after the page; and once mounted it stays, so it closes as a dialog does (focus back
 * on what opened it) instead of vanishing.
 */
export function OnceOpened({ open, children }: { open: boolean; children: ReactNode }) {
  const [opened, setOpened] = useState(open);
  if (open && !opened) setOpened(true);
  return opened ? children : null;
}
