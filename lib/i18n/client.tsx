"use client";
import { createContext, useContext, useMemo, type ReactNode } from "react";
import { dictionaries, translator, type Locale, type Translate } from "./index";

const I18nContext = createContext<{ locale: Locale; t: Translate }>({ locale: "en", t: translator(dictionaries.en) });

/** Set once by the root layout from the locale cookie; a language switch refreshes the server tree. */
export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  const value = useMemo(() => ({ locale, t: translator(dictionaries[locale]) }), [locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export const useT = (): Translate => useContext(I18nContext).t;
export const useLocale = (): Locale => useContext(I18nContext).locale;
