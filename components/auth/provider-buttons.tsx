"use client";
import { signIn } from "next-auth/react";
import { Button } from "@/components/ui/button";
import { useT } from "@/lib/i18n/client";

export interface SignInProvider {
  name: string;
  type: string;
  displayName: string | null;
}

/** One button per OIDC provider: the browser goes through the provider's authorization code flow. */
export function ProviderButtons({ providers, callbackUrl }: { providers: SignInProvider[]; callbackUrl: string }) {
  const t = useT();
  const oidc = providers.filter((p) => p.type === "oidc");
  if (!oidc.length) return null;
  return (
    <div className="mt-4 space-y-2">
      <p className="text-center text-xs uppercase tracking-wide text-zinc-500">{t("auth.or")}</p>
      {oidc.map((p) => (
        <Button key={p.name} variant="secondary" className="w-full" onClick={() => signIn(`oidc-${p.name}`, { callbackUrl })}>
          {t("auth.signInWith", { name: p.displayName || p.name })}
        </Button>
      ))}
    </div>
  );
}
