"use client";
import { useState } from "react";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { LanguageSwitch } from "@/components/shell/language-switch";
import { ThemeToggle } from "@/components/shell/theme-toggle";
import { PasswordForm } from "./password-form";
import { SessionsCard } from "./sessions-card";
import { TokensCard } from "./tokens-card";
import { LoginRecordsCard } from "./login-records-card";

export function ProfilePage({ username, hasPassword }: { username: string; hasPassword: boolean }) {
  const [changed, setChanged] = useState(false);
  return (
    <div className="space-y-6">
      <PageHeader title="Profile" description={`Your account, ${username}: password, sessions, API tokens and sign-in history.`} />
      <Card title="Preferences">
        <div className="flex items-center gap-4">
          <LanguageSwitch />
          <ThemeToggle />
        </div>
      </Card>
      {hasPassword && (
        <Card title="Password">
          {changed && (
            <p role="status" className="mb-3 text-sm text-emerald-700">
              Password changed; your other sessions were ended.
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
