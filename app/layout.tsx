import type { Metadata } from "next";
import { cookies } from "next/headers";
import type { ReactNode } from "react";
import { I18nProvider } from "@/lib/i18n/client";
import { getLocale, getT } from "@/lib/i18n/server";
import { dictionaries } from "@/lib/i18n";
import { matchedSources } from "@/lib/i18n/message-match";
import { isTheme, THEME_COOKIE } from "@/components/shell/theme";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return {
    title: { default: "Tenantry", template: "%s · Tenantry" },
    description: t("auth.tagline"),
    icons: { icon: "/favicon.svg" },
  };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const theme = (await cookies()).get(THEME_COOKIE)?.value;
  return (
    <html lang={locale === "zh" ? "zh-CN" : "en"} className={isTheme(theme) ? theme : "system"}>
      <body className="min-h-screen">
        <I18nProvider locale={locale} messages={dictionaries[locale]} sources={locale === "en" ? undefined : matchedSources(dictionaries.en)}>
          {children}
        </I18nProvider>
      </body>
    </html>
  );
}
