"use client";
import Link from "next/link";
import { usePopover } from "@/lib/client/hooks/popover";
import { useT } from "@/lib/i18n/client";
import { useViewer } from "./viewer";
import { useWords } from "@/lib/i18n/use-words";

/** Who is signed in, with which platform role, and the way out. */
export function UserMenu() {
  const { username, displayName, platformRole, permissions } = useViewer();
  const role = useWords().role("platform", platformRole);
  const t = useT();
  const { open, setOpen, panelId, rootRef } = usePopover();

  return (
    <div ref={rootRef} className="relative">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
        className="flex items-center gap-2 rounded-md px-2 py-1.5 text-left hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-indigo-600"
      >
        <span aria-hidden="true" className="flex size-8 items-center justify-center rounded-full bg-indigo-600 text-sm font-semibold uppercase text-white">
          {username.slice(0, 1)}
        </span>
        <span className="hidden lg:block">
          <span className="block text-sm font-medium text-zinc-900">{username}</span>
          <span className="block text-xs text-zinc-500">{role}</span>
        </span>
        <span className="sr-only lg:hidden">
          {username}, {role}
        </span>
      </button>
      {open && (
        <div id={panelId} className="absolute right-0 z-20 mt-2 w-56 rounded-md bg-white py-1 shadow-lg ring-1 ring-zinc-200">
          <div className="border-b border-zinc-100 px-4 py-2.5">
            <p className="truncate text-sm font-medium text-zinc-900">{displayName || username}</p>
            <p className="truncate text-xs text-zinc-500">
              {username} · {role}
            </p>
          </div>
          <Link href="/profile" onClick={() => setOpen(false)} className="block px-4 py-2 text-sm text-zinc-700 hover:bg-zinc-50">
            {t("user.profile")}
          </Link>
          <Link href="/api-reference" onClick={() => setOpen(false)} className="block px-4 py-2 text-sm text-zinc-700 hover:bg-zinc-50">
            {t("user.apiReference")}
          </Link>
          {permissions.includes("settings.manage") && (
            <Link href="/settings/identity-providers" onClick={() => setOpen(false)} className="block px-4 py-2 text-sm text-zinc-700 hover:bg-zinc-50">
              {t("user.identityProviders")}
            </Link>
          )}
          <button
            type="button"
            // next-auth/react (with its Babel runtime, ~9 kB gzip) loads on this click, not in every page's first load.
            onClick={() => import("next-auth/react").then(({ signOut }) => signOut({ callbackUrl: "/login" }))}
            className="block w-full px-4 py-2 text-left text-sm text-zinc-700 hover:bg-zinc-50"
          >
            {t("user.signOut")}
          </button>
        </div>
      )}
    </div>
  );
}
