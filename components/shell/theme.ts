// The theme is a class on <html> read from a cookie on the server, so the first paint is already right.
export const THEMES = ["system", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];
export const THEME_COOKIE = "tenantry-theme";
export const isTheme = (v: string | undefined): v is Theme => !!v && (THEMES as readonly string[]).includes(v);

/** Remembers a browser-wide preference for a year (SameSite=Lax: sent on the first navigation too). */
export function rememberCookie(name: string, value: string) {
  document.cookie = `${name}=${value}; path=/; max-age=31536000; samesite=lax`;
}
