"use client";
import { createContext, useContext, useMemo, type ReactNode } from "react";
import type { Locale } from "./locales";
import { messageLocalizer } from "./message-match";
import { translator, type Messages, type Translate } from "./translate";

interface I18n {
  locale: Locale;
  t: Translate;
  /** Whether the dictionary names `key` (for keys built from server data, e.g. permission modules). */
  has: (key: string) => boolean;
  /** A schema's English message (a form's check in the browser) in this language, as the server words its own. */
  localize: (message: string) => string;
}

const same = (message: string) => message;
const I18nContext = createContext<I18n>({ locale: "en", t: translator({}), has: () => false, localize: same });

/**
 * Set once by the root layout from the locale cookie, with that language's messages only (the others never
 * reach the browser) and, for a language other than English, the English texts of the schemas' messages
 * (`sources`) to re-word them; a language switch refreshes the server tree.
 */
export function I18nProvider({ locale, messages, sources, children }: { locale: Locale; messages: Messages; sources?: Record<string, string>; children: ReactNode }) {
  const value = useMemo(() => {
    const t = translator(messages);
    const match = sources && messageLocalizer(sources);
    return { locale, t, has: (key: string) => key in messages, localize: match ? (message: string) => match(message, t) : same };
  }, [locale, messages, sources]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export const useT = (): Translate => useContext(I18nContext).t;
export const useLocale = (): Locale => useContext(I18nContext).locale;
export const useHasMessage = (): I18n["has"] => useContext(I18nContext).has;
export const useLocalize = (): I18n["localize"] => useContext(I18nContext).localize;
