import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/session";
import { ForcedPasswordChange } from "@/components/auth/forced-password-change";

export const metadata: Metadata = { title: "Change your password" };
export const dynamic = "force-dynamic";

/** Where the console sends a user whose password an admin set: nothing else works until it is changed. */
export default async function ChangePasswordPage() {
  const user = await currentUser();
  if (!user) redirect("/login");
  if (!user.mustChangePassword) redirect("/");
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <h1 className="mb-2 text-center text-2xl font-semibold tracking-tight text-zinc-900">Choose a new password</h1>
        <p className="mb-6 text-center text-sm text-zinc-500">Your password was set by an administrator; choose your own to continue.</p>
        <div className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-zinc-200">
          <ForcedPasswordChange />
        </div>
      </div>
    </main>
  );
}
