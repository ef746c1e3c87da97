"use client";
import dynamic from "next/dynamic";
import { useState } from "react";
import { useT } from "@/lib/i18n/client";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { LanguageSwitch } from "@/components/shell/language-switch";
import { ThemeToggle } from "@/components/shell/theme-toggle";
import { SessionsCard } from "./sessions-card";
import { TokensCard } from "./tokens-card";
import { LoginRecordsCard } from "./login-records-card";
import { selfService } from "@/lib/client/hooks/can";

// Opened by a click (or below the fold): the form layer (react-hook-form) loads with it, not in the page's first load.
// Until it is there its place is kept (the form's own height), so the cards below do not jump when it arrives.
const PasswordForm = dynamic(() => import("./password-form").then((m) => m.PasswordForm), { ssr: false, loading: () => <div className="min-h-77" /> });

export function ProfilePage({ username, hasPassword }: { username: string; hasPassword: boolean }) {
  const t = useT();
  const [changed, setChanged] = useState(false);
  return (
    <div className="space-y-6" {...selfService}>
      <PageHeader title={t("user.profile")} description={t("profile.description", { name: username })} />
      <Card title={t("profile.preferences")}>
        <div className="flex items-center gap-4">
          <LanguageSwitch />
          <ThemeToggle />
        </div>
      </Card>
      {hasPassword && (
        <Card title={t("auth.password")}>
          {changed && (
            <p role="status" className="mb-3 text-sm text-emerald-700">
              {t("profile.passwordChanged")}
            </p>
          )}
          <PasswordForm onDone={() => setChanged(true)} />
        </Card>
      )}
      <SessionsCard />
      <TokensCard />
      <LoginRecordsCard />
    </div>
  );
}
