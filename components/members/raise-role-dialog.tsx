"use client";
import type { AccessScope } from "@/lib/client/access-scope";
import { useTemplates } from "@/lib/client/hooks/templates";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useLocale, useT } from "@/lib/i18n/client";
import { useWords } from "@/lib/i18n/use-words";

export interface RoleRaise {
  username: string;
  from: string;
  to: string;
  /** What `to` may do that `from` could not (gainedPermissions()). */
  gained: string[];
}

/** A raise is asked first, naming what the member may do from then on that they could not before. */
export function RaiseRoleDialog({ scope, raise, onConfirm, onClose }: { scope: AccessScope; raise: RoleRaise | null; onConfirm: (raise: RoleRaise) => void; onClose: () => void }) {
  const t = useT();
  const locale = useLocale();
  const words = useWords();
  const templates = useTemplates(scope.level);
  const where = scope.level === "platform" ? t("readonly.thePlatform") : scope.level === "workspace" ? scope.workspace! : scope.project!;
  const describe = (name: string) => templates.data?.find((tpl) => tpl.name === name)?.description[locale];
  return (
    <ConfirmDialog
      open={raise !== null}
      title={t("confirm.raiseTitle", { name: raise?.username ?? "", role: raise ? words.role(scope.level, raise.to) : "" })}
      confirmLabel={t("confirm.raiseConfirm", { role: raise ? words.role(scope.level, raise.to) : "" })}
      onConfirm={() => raise && onConfirm(raise)}
      onClose={onClose}
    >
      {raise && (
        <>
          <p>{t("confirm.raiseBody", { name: raise.username, from: words.role(scope.level, raise.from), role: words.role(scope.level, raise.to), where })}</p>
          <ul aria-label={t("confirm.raiseGained", { name: raise.username })} className="space-y-1">
            {raise.gained.map((name) => (
              <li key={name} className="rounded bg-amber-50 px-2 py-1 text-amber-900">
                <span className="font-mono text-xs">{name}</span>
                {describe(name) && <> — {describe(name)}</>}
              </li>
            ))}
          </ul>
        </>
      )}
    </ConfirmDialog>
  );
}
