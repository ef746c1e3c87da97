// Dates and numbers in the console's language (the locale cookie, lib/i18n), never the browser's: a Chinese
// console in an English browser writes 2026年12月6日. Components take them bound to that language from useFormat().
import { useMemo } from "react";
import { useLocale } from "@/lib/i18n/client";
import type { Locale } from "@/lib/i18n/locales";

/** The BCP 47 tag Intl formats a console language with. */
export const intlLocale = (locale: Locale): string => (locale === "zh" ? "zh-CN" : "en-US");

export function formatDateTime(iso: string | null | undefined, locale: Locale): string {
  if (!iso) return "—";
  return new Date(iso).toLocaleString(intlLocale(locale), { dateStyle: "medium", timeStyle: "medium" });
}

export function formatDate(iso: string | null | undefined, locale: Locale): string {
  if (!iso) return "—";
  return new Date(iso).toLocaleDateString(intlLocale(locale), { dateStyle: "medium" });
}

export const formatNumber = (n: number, locale: Locale): string => n.toLocaleString(intlLocale(locale));

/** The helpers bound to the console's language, under the same names. */
export function useFormat() {
  const locale = useLocale();
  return useMemo(
    () => ({
      formatDateTime: (iso: string | null | undefined) => formatDateTime(iso, locale),
      formatDate: (iso: string | null | undefined) => formatDate(iso, locale),
      formatNumber: (n: number) => formatNumber(n, locale),
    }),
    [locale],
  );
}
