// The API's field messages are English: schemas and services write them so, and API clients read them. For a
// caller whose language is another, each one is matched against the English text of the `field.*` keys and
// re-worded; a message no key matches stays English.
import { zhCN } from "zod/locales";
import { en, type MessageKey } from "./en";
import { translatorFor, type Locale } from "./index";

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const patterns = (Object.keys(en) as MessageKey[])
  .filter((key) => key.startsWith("field."))
  .map((key) => {
    const names: string[] = [];
    const source = en[key]
      .split(/(\{\w+\})/)
      .map((part) => {
        const name = /^\{(\w+)\}$/.exec(part)?.[1];
        if (!name) return escape(part);
        names.push(name);
        return "([\\s\\S]+?)";
      })
      .join("");
    return { key, names, re: new RegExp(`^${source}$`) };
  });

export function localizeFieldMessage(message: string, locale: Locale): string {
  if (locale === "en") return message;
  for (const { key, names, re } of patterns) {
    const match = re.exec(message);
    if (match) return translatorFor(locale)(key, Object.fromEntries(names.map((name, i) => [name, match[i + 1]])));
  }
  return message;
}

const zodLocales: Partial<Record<Locale, ReturnType<typeof zhCN>>> = { zh: zhCN() };

/** safeParse() options: zod's own messages (where a schema sets none) in the caller's language. */
export const zodParseParams = (locale: Locale) => {
  const zodLocale = zodLocales[locale];
  return zodLocale ? { error: zodLocale.localeError } : undefined;
};
