"use client";
import Link from "next/link";
import { useT } from "@/lib/i18n/client";
import type { ReactNode } from "react";

export interface Crumb {
  label: string;
  href: string;
}

export function PageHeader({ title, description, crumbs = [], actions }: { title: ReactNode; description?: ReactNode; crumbs?: Crumb[]; actions?: ReactNode }) {
  const t = useT();
  return (
    <header className="mb-6">
      {crumbs.length > 0 && (
        <nav aria-label={t("common.breadcrumb")} className="mb-2">
          <ol className="flex flex-wrap items-center gap-1 text-sm text-zinc-500">
            {crumbs.map((c) => (
              <li key={c.href} className="flex items-center gap-1">
                <Link href={c.href} className="hover:text-zinc-800 hover:underline">
                  {c.href === "/workspaces" ? t("nav.workspaces") : c.href === "/clusters" ? t("nav.clusters") : c.label}
                </Link>
                <span aria-hidden="true">/</span>
              </li>
            ))}
            {/* The trail ends in the page itself, so it reads as where one is, not only where one came from. */}
            <li aria-current="page" className="truncate font-medium text-zinc-700">
              {title}
            </li>
          </ol>
        </nav>
      )}
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <h1 className="truncate text-2xl font-semibold tracking-tight text-zinc-900">{title}</h1>
          {description && <p className="mt-1 text-sm text-zinc-500">{description}</p>}
        </div>
        {/* max-w-full: a wide set of actions wraps on a narrow screen instead of pushing the page sideways. */}
        {actions && <div className="flex max-w-full shrink-0 flex-wrap items-center gap-2">{actions}</div>}
      </div>
    </header>
  );
}
