"use client";
import { usePopover } from "@/lib/client/hooks/popover";
import { useT } from "@/lib/i18n/client";
import { LanguageSwitch } from "./language-switch";
import { NavLinks } from "./nav-links";
import { ThemeToggle } from "./theme-toggle";

const BARS = "M3.75 6.75h16.5M3.75 12h16.5M3.75 17.25h16.5";
const CROSS = "M6 18 18 6M6 6l12 12";

/**
 * Below md, where the sidebar is gone: a menu button that opens the sections under the top bar; below sm the
 * language and theme move in here too, so the bar keeps room for the switcher and search.
 */
export function MobileMenu() {
  const t = useT();
  const { open, setOpen, panelId, rootRef } = usePopover();

  return (
    <div ref={rootRef} className="md:hidden">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
        className="rounded-md p-2 text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-indigo-600"
      >
        <span className="sr-only">{t("layout.menu")}</span>
        <svg aria-hidden="true" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.75} className="size-5">
          <path strokeLinecap="round" strokeLinejoin="round" d={open ? CROSS : BARS} />
        </svg>
      </button>
      {open && (
        // A followed link (even to the page one is on) closes the menu.
        <div
          id={panelId}
          onClick={(e) => (e.target as Element).closest("a") && setOpen(false)}
          className="absolute inset-x-0 top-full z-20 max-h-[calc(100dvh-3.5rem)] overflow-y-auto border-b border-zinc-200 bg-white px-3 py-3 shadow-lg"
        >
          <nav aria-label={t("nav.main")}>
            <NavLinks />
          </nav>
          <div role="group" aria-label={t("layout.preferences")} className="mt-3 flex items-center gap-2 border-t border-zinc-200 px-3 pt-3 sm:hidden">
            <LanguageSwitch />
            <ThemeToggle />
          </div>
        </div>
      )}
    </div>
  );
}
