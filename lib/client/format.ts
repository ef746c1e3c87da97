// Dates and numbers in the console's language (the locale cookie, lib/i18n), never the browser's: a Chinese
// console in an English browser writes 2026年12月6日. Components take them bound to that language from useFormat().
import { useMemo } from "react";
import { useLocale } from "@/lib/i18n/client";
import type { Locale } from "@/lib/i18n/locales";

/** The BCP 47 tag Intl formats a console language with. */
export const intlLocale = (locale: Locale): string => (locale === "zh" ? "zh-CN" : "en-US");

// One formatter per language and style: toLocaleString() with options builds a new Intl formatter on every call,
// which a table of dates pays per cell.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function formatter<F extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => F): F {
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = make()));
  return f as F;
}
const dateTimeFormat = (locale: Locale) => formatter(`dt:${locale}`, () => new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: "medium", timeStyle: "medium" }));
const dateFormat = (locale: Locale) => formatter(`d:${locale}`, () => new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: "medium" }));
const numberFormat = (locale: Locale) => formatter(`n:${locale}`, () => new Intl.NumberFormat(intlLocale(locale)));

// A formatter throws on an invalid date (toLocaleString said "Invalid Date"): a dash, as for a missing one.
const formatted = (iso: string | null | undefined, format: Intl.DateTimeFormat) => {
  const at = iso ? new Date(iso) : null;
  return at && !Number.isNaN(at.getTime()) ? format.format(at) : "—";
};

export const formatDateTime = (iso: string | null | undefined, locale: Locale): string => formatted(iso, dateTimeFormat(locale));

export const formatDate = (iso: string | null | undefined, locale: Locale): string => formatted(iso, dateFormat(locale));

export const formatNumber = (n: number, locale: Locale): string => numberFormat(locale).format(n);

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
