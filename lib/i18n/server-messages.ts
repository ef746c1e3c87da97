// The server speaks English: services write their messages so, API clients read them and the audit log keeps
// them. For a caller whose language is another, a message the console shows (a problem's detail, a field
// message, a sign-in failure, a connection test) is matched against the English text of the `field.*` and
// `detail.*` keys and re-worded, its values kept; a message no key matches stays English.
import { zhCN } from "zod/locales";
import { en, type MessageKey } from "./en";
import { translatorFor, type Locale } from "./index";

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const patterns = (Object.keys(en) as MessageKey[])
  .filter((key) => key.startsWith("field.") || key.startsWith("detail."))
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
    return { key, names, re: new RegExp(`^${source}$`), words: en[key].replace(/\{\w+\}/g, "").length };
  })
  // The most specific first: 'Cluster "{name}" not found.' would also match 'Cluster "a" of workspace "b" not found.'.
  .sort((a, b) => b.words - a.words);

// A `{level}` (or `{…Level}`) value is a scope level: a word, said in the caller's language.
const LEVELS: Record<string, MessageKey> = { platform: "access.level.platform", workspace: "access.level.workspace", project: "access.level.project" };

export function localizeServerMessage(message: string, locale: Locale): string {
  if (locale === "en") return message;
  const t = translatorFor(locale);
  for (const { key, names, re } of patterns) {
    const match = re.exec(message);
    if (!match) continue;
    // Other values are names, kept as they are, unless one is a message itself (a quota issue inside a detail).
    const value = (name: string, v: string) => (/level$/i.test(name) && LEVELS[v] ? t(LEVELS[v]) : localizeServerMessage(v, locale));
    return t(key, Object.fromEntries(names.map((name, i) => [name, value(name, match[i + 1])])));
  }
  return message;
}

const zodLocales: Partial<Record<Locale, ReturnType<typeof zhCN>>> = { zh: zhCN() };

/** safeParse() options: zod's own messages (where a schema sets none) in the caller's language. */
export const zodParseParams = (locale: Locale) => {
  const zodLocale = zodLocales[locale];
  return zodLocale ? { error: zodLocale.localeError } : undefined;
};
