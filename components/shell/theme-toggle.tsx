"use client";
import { useSyncExternalStore } from "react";
import { useT } from "@/lib/i18n/client";
import { rememberCookie, THEME_COOKIE, THEMES, type Theme } from "./theme";

const icons: Record<Theme, string> = {
  system: "M9 17.25v1.007a3 3 0 0 1-.879 2.122L7.5 21h9l-.621-.621A3 3 0 0 1 15 18.257V17.25m6-12V15a2.25 2.25 0 0 1-2.25 2.25H5.25A2.25 2.25 0 0 1 3 15V5.25A2.25 2.25 0 0 1 5.25 3h13.5A2.25 2.25 0 0 1 21 5.25Z",
  light: "M12 3v2.25m6.364.386-1.591 1.591M21 12h-2.25m-.386 6.364-1.591-1.591M12 18.75V21m-4.773-4.227-1.591 1.591M5.25 12H3m4.227-4.773L5.636 5.636M15.75 12a3.75 3.75 0 1 1-7.5 0 3.75 3.75 0 0 1 7.5 0Z",
  dark: "M21.752 15.002A9.72 9.72 0 0 1 18 15.75c-5.385 0-9.75-4.365-9.75-9.75 0-1.33.266-2.597.748-3.752A9.753 9.753 0 0 0 3 11.25C3 16.635 7.365 21 12.75 21a9.753 9.753 0 0 0 9.002-5.998Z",
};

// The class on <html> is the source of truth (the server set it from the cookie).
const listeners = new Set<() => void>();
const subscribe = (cb: () => void) => {
  listeners.add(cb);
  return () => void listeners.delete(cb);
};
const current = (): Theme => THEMES.find((x) => document.documentElement.classList.contains(x)) ?? "system";

/** Cycles system → light → dark; the class on <html> changes at once and the cookie keeps it. */
export function ThemeToggle() {
  const t = useT();
  const theme = useSyncExternalStore(subscribe, current, () => "system" as Theme);
  function next() {
    const value = THEMES[(THEMES.indexOf(theme) + 1) % THEMES.length]!;
    document.documentElement.classList.remove(...THEMES);
    document.documentElement.classList.add(value);
    rememberCookie(THEME_COOKIE, value);
    listeners.forEach((l) => l());
  }
  const label = t("theme.label", { theme: t(`theme.${theme}`) });
  return (
    <button type="button" onClick={next} aria-label={label} title={label} className="rounded-md p-2 text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-indigo-600">
      <svg aria-hidden="true" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.75} className="size-5">
        <path strokeLinecap="round" strokeLinejoin="round" d={icons[theme]} />
      </svg>
    </button>
  );
}
