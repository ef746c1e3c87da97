// Turning a dictionary into t(): pure, and without the dictionaries themselves, so the browser receives only
// the active language's messages (from the root layout) instead of every language in its JavaScript.
import type { MessageKey } from "./en";

export type Messages = Record<MessageKey, string>;
export type Vars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: Vars) => string;

/** `{name}` placeholders are filled from vars; a missing key falls back to `fallback`, then to the key. */
export function translator(messages: Partial<Messages>, fallback: Partial<Messages> = {}): Translate {
  return (key, vars) => {
    const text = messages[key] ?? fallback[key] ?? key;
    return vars ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m)) : text;
  };
}
