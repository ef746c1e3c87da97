// The server speaks English: services write their messages so, API clients read them and the audit log keeps
// them. For a caller whose language is another, a message the console shows (a problem's detail, a field
// message, a sign-in failure, a connection test) is matched against the English text of the `field.*` and
// `detail.*` keys and re-worded, its values kept; a message no key matches stays English.
import { zhCN } from "zod/locales";
import { en } from "./en";
import { translatorFor, type Locale } from "./index";
import { matchedSources, messageLocalizer } from "./message-match";

const localize = messageLocalizer(matchedSources(en));

export function localizeServerMessage(message: string, locale: Locale): string {
  return locale === "en" ? message : localize(message, translatorFor(locale));
}

const zodLocales: Partial<Record<Locale, ReturnType<typeof zhCN>>> = { zh: zhCN() };

/** safeParse() options: zod's own messages (where a schema sets none) in the caller's language. */
export const zodParseParams = (locale: Locale) => {
  const zodLocale = zodLocales[locale];
  return zodLocale ? { error: zodLocale.localeError } : undefined;
};
