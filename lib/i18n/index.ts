// A small in-house dictionary: English is the source of the keys, Chinese must translate each of them.
import { en, type MessageKey } from "./en";
import { zh } from "./zh";

export type { MessageKey };
export const LOCALES = ["en", "zh"] as const;
export type Locale = (typeof LOCALES)[number];
export const LOCALE_COOKIE = "tenantry-locale";
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", zh: "简体中文" };

export type Messages = Record<MessageKey, string>;
export const dictionaries: Record<Locale, Messages> = { en, zh };

export type Vars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: Vars) => string;

export function isLocale(v: string | undefined | null): v is Locale {
  return !!v && (LOCALES as readonly string[]).includes(v);
}

/** The first supported language of an Accept-Language header ("zh-CN,zh;q=0.9" → zh), else English. */
export function localeFromAcceptLanguage(header: string | null): Locale {
  for (const part of (header ?? "").split(",")) {
    const base = part.split(";")[0]!.trim().toLowerCase().split("-")[0];
    if (isLocale(base)) return base;
  }
  return "en";
}

/** An API request's language, as for pages: the remembered cookie, else Accept-Language (a script sends neither: English). */
export function requestLocale(headers: Headers): Locale {
  const cookie = (headers.get("cookie") ?? "").split(";").map((c) => c.trim().split("="));
  const remembered = cookie.find(([name]) => name === LOCALE_COOKIE)?.[1];
  return isLocale(remembered) ? remembered : localeFromAcceptLanguage(headers.get("accept-language"));
}

/** `{name}` placeholders are filled from vars; a missing key falls back to English, then to the key. */
export function translator(messages: Partial<Messages>): Translate {
  return (key, vars) => {
    const text = messages[key] ?? en[key] ?? key;
    return vars ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m)) : text;
  };
}
