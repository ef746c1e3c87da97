"use client";
// A <details> whose content is mounted only once it is opened. The API reference's operations and schemas are about
// 6,000 elements of which a reader opens a few; closed, each still cost layout, hydration and the accessibility
// tree on every visit (and axe a minute). It also opens when the URL's #fragment names it: a link to a schema, a
// shared link to an operation.
import { useEffect, useState, type ReactNode } from "react";

export function Disclosure({ id, className, summary, children }: { id: string; className?: string; summary: ReactNode; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const follow = () => {
      if (decodeURIComponent(window.location.hash.slice(1)) === id) setOpen(true);
    };
    follow();
    window.addEventListener("hashchange", follow);
    return () => window.removeEventListener("hashchange", follow);
  }, [id]);
  return (
    <details id={id} className={className} open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      {summary}
      {open && children}
    </details>
  );
}
