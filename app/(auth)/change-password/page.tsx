import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/session";
import { ForcedPasswordChange } from "@/components/auth/forced-password-change";
import { getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("auth.changeTitle") };
}

export const dynamic = "force-dynamic";

/** Where the console sends a user whose password an admin set: nothing else works until it is changed. */
export default async function ChangePasswordPage() {
  const user = await currentUser();
  if (!user) redirect("/login");
  if (!user.mustChangePassword) redirect("/");
  const t = await getT();
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <h1 className="mb-2 text-center text-2xl font-semibold tracking-tight text-zinc-900">{t("auth.chooseNew")}</h1>
        <p className="mb-6 text-center text-sm text-zinc-500">{t("auth.chooseNewLead")}</p>
        <div className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-zinc-200">
          <ForcedPasswordChange />
        </div>
      </div>
    </main>
  );
}
