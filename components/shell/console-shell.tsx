"use client";
import Link from "next/link";
import type { ReactNode } from "react";
import { NavLinks } from "./nav-links";
import { UserMenu } from "./user-menu";
import { ViewerProvider, type Viewer } from "./viewer";

function Logo({ compact = false }: { compact?: boolean }) {
  return (
    <Link href="/workspaces" className="flex shrink-0 items-center gap-2 text-base font-semibold text-zinc-900">
      <span aria-hidden="true" className="flex size-7 items-center justify-center rounded-md bg-indigo-600 text-sm font-bold text-white">
        T
      </span>
      <span className={compact ? "sr-only sm:not-sr-only" : undefined}>Tenantry</span>
    </Link>
  );
}

/** Sidebar navigation from tablet width up; below it the sections move into the top bar. */
export function ConsoleShell({ viewer, children }: { viewer: Viewer; children: ReactNode }) {
  return (
    <ViewerProvider viewer={viewer}>
      <div className="flex min-h-screen">
        <aside className="hidden w-56 shrink-0 border-r border-zinc-200 bg-white md:block">
          <div className="sticky top-0 flex h-screen flex-col">
            <div className="flex h-14 items-center border-b border-zinc-200 px-5">
              <Logo />
            </div>
            <nav aria-label="Main" className="flex-1 px-3 py-4">
              <NavLinks layout="column" />
            </nav>
          </div>
        </aside>
        <div className="flex min-w-0 flex-1 flex-col">
          <header className="sticky top-0 z-10 flex h-14 items-center justify-between gap-4 border-b border-zinc-200 bg-white/90 px-4 backdrop-blur sm:px-6">
            <div className="flex min-w-0 items-center gap-3 md:hidden">
              <Logo compact />
              <nav aria-label="Main" className="min-w-0">
                <NavLinks layout="row" />
              </nav>
            </div>
            <div className="hidden md:block" />
            <UserMenu />
          </header>
          <main className="mx-auto w-full max-w-7xl flex-1 px-4 py-6 sm:px-6 lg:px-8">{children}</main>
        </div>
      </div>
    </ViewerProvider>
  );
}
