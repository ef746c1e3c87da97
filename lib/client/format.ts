// Dates and numbers in the console's language (the locale cookie, lib/i18n), never the browser's: a Chinese
// console in an English browser writes 2026年12月6日. Components take them bound to that language from useFormat().
import { useMemo, useSyncExternalStore } from "react";
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
const dateTimeFormat = (locale: Locale, timeZone?: string) =>
  formatter(`dt:${locale}:${timeZone}`, () => new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: "medium", timeStyle: "medium", timeZone }));
const dateFormat = (locale: Locale, timeZone?: string) => formatter(`d:${locale}:${timeZone}`, () => new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: "medium", timeZone }));
const numberFormat = (locale: Locale) => formatter(`n:${locale}`, () => new Intl.NumberFormat(intlLocale(locale)));

// A formatter throws on an invalid date (toLocaleString said "Invalid Date"): a dash, as for a missing one.
const formatted = (iso: string | null | undefined, format: Intl.DateTimeFormat) => {
  const at = iso ? new Date(iso) : null;
  return at && !Number.isNaN(at.getTime()) ? format.format(at) : "—";
};

/** `timeZone`: the runtime's own when not given. */
export const formatDateTime = (iso: string | null | undefined, locale: Locale, timeZone?: string): string => formatted(iso, dateTimeFormat(locale, timeZone));

export const formatDate = (iso: string | null | undefined, locale: Locale, timeZone?: string): string => formatted(iso, dateFormat(locale, timeZone));

export const formatNumber = (n: number, locale: Locale): string => numberFormat(locale).format(n);

const unchanging = () => () => {};
const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
/**
 * The browser's time zone; UTC in the server's render and while the browser hydrates it, so a page rendered with its
 * data (lib/web/prefetch.tsx) hydrates to the same text, then shows the reader's own time.
 */
const useTimeZone = () => useSyncExternalStore(unchanging, browserTimeZone, () => "UTC");

/** The helpers bound to the console's language and the reader's time zone, under the same names. */
export function useFormat() {
  const locale = useLocale();
  const timeZone = useTimeZone();
  return useMemo(
    () => ({
      formatDateTime: (iso: string | null | undefined) => formatDateTime(iso, locale, timeZone),
      formatDate: (iso: string | null | undefined) => formatDate(iso, locale, timeZone),
      formatNumber: (n: number) => formatNumber(n, locale),
    }),
    [locale, timeZone],
  );
}
