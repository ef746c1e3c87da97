"use client";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { useLocale, useT } from "@/lib/i18n/client";
import { LOCALE_COOKIE, LOCALE_NAMES, LOCALES, isLocale } from "@/lib/i18n/locales";
import { rememberCookie } from "./theme";

/** Remembered in a cookie; a refresh re-renders the server tree (and <html lang>) in the new language. */
export function LanguageSwitch() {
  const t = useT();
  const locale = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <select
      aria-label={t("language.label")}
      value={locale}
      disabled={pending}
      onChange={(e) => {
        if (!isLocale(e.target.value)) return;
        rememberCookie(LOCALE_COOKIE, e.target.value);
        startTransition(() => router.refresh());
      }}
      className="rounded-md border-0 bg-transparent py-1.5 pl-2 pr-7 text-sm text-zinc-700 ring-1 ring-inset ring-zinc-300 focus:ring-2 focus:ring-indigo-600"
    >
      {LOCALES.map((l) => (
        <option key={l} value={l} lang={l === "zh" ? "zh-CN" : "en"}>
          {LOCALE_NAMES[l]}
        </option>
      ))}
    </select>
  );
}
