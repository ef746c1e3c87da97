import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/session";
import { LoginForm } from "@/components/auth/login-form";
import { ProviderButtons } from "@/components/auth/provider-buttons";
import { signInProviders } from "@/lib/identity/providers";
import { getT } from "@/lib/i18n/server";
import { publicOrigin } from "@/lib/api/public-origin";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("auth.signIn") };
}

export const dynamic = "force-dynamic";

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[]; error?: string | string[] }> }) {
  const { callbackUrl, error } = await searchParams;
  const target = safeCallback(typeof callbackUrl === "string" ? callbackUrl : undefined, publicOrigin(await headers()));
  if (await currentUser()) redirect(target);
  const providers = await signInProviders();
  const t = await getT();
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          <span aria-hidden="true" className="mx-auto flex size-10 items-center justify-center rounded-lg bg-indigo-600 text-lg font-bold text-white">
            T
          </span>
          <h1 className="mt-4 text-2xl font-semibold tracking-tight text-zinc-900">{t("auth.title")}</h1>
          <p className="mt-1 text-sm text-zinc-500">{t("auth.tagline")}</p>
        </div>
        <LoginForm callbackUrl={target} directories={providers.filter((p) => p.type === "ldap")} error={error ? t("auth.refused") : undefined} />
        <ProviderButtons providers={providers} callbackUrl={target} />
      </div>
    </main>
  );
}

/** Only a path on this site: next-auth hands over absolute URLs, and anything else would be an open redirect. */
function safeCallback(raw: string | undefined, origin: string | null): string {
  if (!raw) return "/";
  try {
    const url = new URL(raw, "http://placeholder.invalid");
    const sameSite = raw.startsWith("/") ? !raw.startsWith("//") : origin !== null && url.origin === origin;
    return sameSite && url.pathname !== "/login" ? `${url.pathname}${url.search}` : "/";
  } catch {
    return "/";
  }
}
