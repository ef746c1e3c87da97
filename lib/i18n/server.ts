import "server-only";
import { cookies, headers } from "next/headers";
import { isLocale, LOCALE_COOKIE, localeFromAcceptLanguage, translatorFor, type Locale, type Translate } from "./index";

/** The caller's language: the remembered cookie, else the browser's Accept-Language. */
export async function getLocale(): Promise<Locale> {
  const remembered = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(remembered)) return remembered;
  return localeFromAcceptLanguage((await headers()).get("accept-language"));
}

export async function getT(): Promise<Translate> {
  return translatorFor(await getLocale());
}
