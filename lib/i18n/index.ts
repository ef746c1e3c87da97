// A small in-house dictionary: English is the source of the keys, Chinese must translate each of them.
import { en, type MessageKey } from "./en";
import { zh } from "./zh";
import { isLocale, LOCALE_COOKIE, localeFromAcceptLanguage, type Locale } from "./locales";
import { translator, type Messages, type Translate } from "./translate";

export type { MessageKey };
export * from "./locales";
export type { Messages, Translate, Vars } from "./translate";

export const dictionaries: Record<Locale, Messages> = { en, zh };

/** An API request's language, as for pages: the remembered cookie, else Accept-Language (a script sends neither: English). */
export function requestLocale(headers: Headers): Locale {
  const cookie = (headers.get("cookie") ?? "").split(";").map((c) => c.trim().split("="));
  const remembered = cookie.find(([name]) => name === LOCALE_COOKIE)?.[1];
  return isLocale(remembered) ? remembered : localeFromAcceptLanguage(headers.get("accept-language"));
}

/** t() for a language, falling back to English for a key it lacks. */
export const translatorFor = (locale: Locale): Translate => translator(dictionaries[locale], en);
