"use client";
import { createContext, useContext, useMemo, type ReactNode } from "react";
import type { Locale } from "./locales";
import { translator, type Messages, type Translate } from "./translate";

interface I18n {
  locale: Locale;
  t: Translate;
  /** Whether the dictionary names `key` (for keys built from server data, e.g. permission modules). */
  has: (key: string) => boolean;
}

const I18nContext = createContext<I18n>({ locale: "en", t: translator({}), has: () => false });

/**
 * Set once by the root layout from the locale cookie, with that language's messages only (the others never
 * reach the browser); a language switch refreshes the server tree.
 */
export function I18nProvider({ locale, messages, children }: { locale: Locale; messages: Messages; children: ReactNode }) {
  const value = useMemo(() => ({ locale, t: translator(messages), has: (key: string) => key in messages }), [locale, messages]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export const useT = (): Translate => useContext(I18nContext).t;
export const useLocale = (): Locale => useContext(I18nContext).locale;
export const useHasMessage = (): I18n["has"] => useContext(I18nContext).has;
