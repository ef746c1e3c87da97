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
import { MobileMenu } from "./mobile-menu";

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

/**
 * Sidebar navigation from tablet width (md) up; below it a menu button opens the sections. On a phone the top bar
 * keeps the menu, the workspace switcher (which shrinks, its name truncated), search and the user; the language and
 * theme move into the menu. min-w-0 down the column lets wide content (tables) scroll in its own box, not the page.
 */
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
              <NavLinks />
            </nav>
          </div>
        </aside>
        <div className="flex min-w-0 flex-1 flex-col">
          <header data-topbar className="sticky top-0 z-10 border-b border-zinc-200 bg-white/90 backdrop-blur">
            <div className="flex h-14 items-center gap-2 px-3 sm:px-6">
              <MobileMenu />
              <span className="md:hidden">
                <Logo compact />
              </span>
              <div className="flex min-w-0 flex-1 items-center gap-2">
                <WorkspaceSwitcher />
                <GlobalSearch />
              </div>
              <div className="flex shrink-0 items-center gap-1">
                <div className="hidden items-center gap-1 sm:flex">
                  <LanguageSwitch />
                  <ThemeToggle />
                </div>
                <UserMenu />
              </div>
            </div>
            <ExpiryBanner />
          </header>
          <main id="main" className="mx-auto w-full min-w-0 max-w-7xl flex-1 px-4 py-6 sm:px-6 lg:px-8">
            {children}
          </main>
        </div>
      </div>
    </ViewerProvider>
  );
}
