"use client";
import Link from "next/link";
import type { ReactNode } from "react";
import { useT } from "@/lib/i18n/client";
import { GlobalSearch } from "./global-search";
import { LanguageSwitch } from "./language-switch";
import { NavLinks } from "./nav-links";
import { ThemeToggle } from "./theme-toggle";
import { UserMenu } from "./user-menu";
import { ViewerProvider, type Viewer } from "./viewer";
import { WorkspaceSwitcher } from "./workspace-switcher";
import { ExpiryBanner } from "./expiry-banner";

function Logo({ compact = false }: { compact?: boolean }) {
  return (
    <Link href="/dashboard" className="flex shrink-0 items-center gap-2 text-base font-semibold text-zinc-900">
      <span aria-hidden="true" className="flex size-7 items-center justify-center rounded-md bg-indigo-600 text-sm font-bold text-white">
        T
      </span>
      <span className={compact ? "sr-only" : undefined}>Tenantry</span>
    </Link>
  );
}

/** Sidebar navigation from tablet width (md) up; below it the sections move into a second row of the top bar. */
export function ConsoleShell({ viewer, children }: { viewer: Viewer; children: ReactNode }) {
  const t = useT();
  return (
    <ViewerProvider viewer={viewer}>
      <a href="#main" className="sr-only z-50 rounded-md bg-white px-3 py-2 text-sm font-medium text-indigo-700 focus:not-sr-only focus:fixed focus:left-2 focus:top-2">
        {t("shell.skip")}
      </a>
      <div className="flex min-h-screen">
        <aside className="hidden w-56 shrink-0 border-r border-zinc-200 bg-white md:block">
          <div className="sticky top-0 flex h-screen flex-col">
            <div className="flex h-14 items-center border-b border-zinc-200 px-5">
              <Logo />
            </div>
            <nav aria-label={t("nav.main")} className="flex-1 px-3 py-4">
              <NavLinks layout="column" />
            </nav>
          </div>
        </aside>
        <div className="flex min-w-0 flex-1 flex-col">
          <header className="sticky top-0 z-10 border-b border-zinc-200 bg-white/90 backdrop-blur">
            <div className="flex h-14 items-center justify-between gap-2 px-4 sm:px-6">
              <div className="flex min-w-0 items-center gap-2">
                <span className="md:hidden">
                  <Logo compact />
                </span>
                <WorkspaceSwitcher />
                <GlobalSearch />
              </div>
              <div className="flex shrink-0 items-center gap-1">
                <LanguageSwitch />
                <ThemeToggle />
                <UserMenu />
              </div>
            </div>
            <nav aria-label={t("nav.main")} className="border-t border-zinc-200 px-2 py-1 md:hidden">
              <NavLinks layout="row" />
            </nav>
            <ExpiryBanner />
          </header>
          <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-6 sm:px-6 lg:px-8">
            {children}
          </main>
        </div>
      </div>
    </ViewerProvider>
  );
}
