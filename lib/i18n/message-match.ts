// Re-wording an English message of the server's (a field message, a problem's detail) in another language: it
// is matched against the English text of the `field.*` and `detail.*` keys and said with that key, its values
// kept. Pure and given the English texts, so the browser can do it with the few it receives (lib/i18n/client.tsx).
import type { MessageKey } from "./en";
import type { Translate } from "./translate";

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

// A `{level}` (or `{…Level}`) value is a scope level: a word, said in the caller's language.
const LEVELS: Record<string, MessageKey> = { platform: "access.level.platform", workspace: "access.level.workspace", project: "access.level.project" };

/** The English texts a localizer matches: the `field.*` and `detail.*` entries of `en`. */
export const matchedSources = (en: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(en).filter(([key]) => key.startsWith("field.") || key.startsWith("detail.")));

/** `(message, t) => message in t's language`, or the message as it is when no source matches it. */
export function messageLocalizer(sources: Record<string, string>): (message: string, t: Translate) => string {
  const patterns = Object.entries(sources)
    .map(([key, text]) => {
      const names: string[] = [];
      const source = text
        .split(/(\{\w+\})/)
        .map((part) => {
          const name = /^\{(\w+)\}$/.exec(part)?.[1];
          if (!name) return escape(part);
          names.push(name);
          return "([\\s\\S]+?)";
        })
        .join("");
      return { key: key as MessageKey, names, re: new RegExp(`^${source}$`), words: text.replace(/\{\w+\}/g, "").length };
    })
    // The most specific first: 'Cluster "{name}" not found.' would also match 'Cluster "a" of workspace "b" not found.'.
    .sort((a, b) => b.words - a.words);
  const localize = (message: string, t: Translate): string => {
    for (const { key, names, re } of patterns) {
      const match = re.exec(message);
      if (!match) continue;
      // Other values are names, kept as they are, unless one is a message itself (a quota issue inside a detail).
      const value = (name: string, v: string) => (/level$/i.test(name) && LEVELS[v] ? t(LEVELS[v]) : localize(v, t));
      return t(key, Object.fromEntries(names.map((name, i) => [name, value(name, match[i + 1]!)])));
    }
    return message;
  };
  return localize;
}
