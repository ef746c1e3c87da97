// The languages and how a request names one: no dictionaries here, so client code can import it freely.
export const LOCALES = ["en", "zh"] as const;
export type Locale = (typeof LOCALES)[number];
export const LOCALE_COOKIE = "tenantry-locale";
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", zh: "简体中文" };

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
