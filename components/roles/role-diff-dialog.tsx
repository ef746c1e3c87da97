"use client";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { ProblemAlert } from "./problem-alert";
import type { TemplateIndex } from "./role-selection";
import { useLocale, useT } from "@/lib/i18n/client";

interface DiffProps {
  open: boolean;
  role: string;
  added: string[];
  removed: string[];
  index: TemplateIndex;
  saving: boolean;
  error: unknown;
  onConfirm: () => void;
  onClose: () => void;
}

function TemplateList({ title, names, index, sign, tone }: { title: string; names: string[]; index: TemplateIndex; sign: string; tone: string }) {
  const locale = useLocale();
  if (names.length === 0) return null;
  return (
    <section aria-label={title}>
      <h3 className="text-sm font-medium text-zinc-900">{title}</h3>
      <ul className="mt-1 space-y-1">
        {names.map((n) => (
          <li key={n} className={`rounded px-2 py-1 text-sm ${tone}`}>
            <span aria-hidden="true" className="mr-2 font-mono">
              {sign}
            </span>
            <span className="font-mono text-xs">{n}</span> — {index.get(n)?.description[locale]}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Everyone bound to the role gains or loses these at once, so an edit is reviewed before it is saved. */
export function RoleDiffDialog({ open, role, added, removed, index, saving, error, onConfirm, onClose }: DiffProps) {
  const t = useT();
  const unchanged = added.length === 0 && removed.length === 0;
  return (
    <ConfirmDialog
      open={open}
      title={t("roles.reviewTitle", { name: role })}
      pending={saving}
      confirmLabel={t("roles.saveChanges")}
      pendingLabel={t("ui.saving")}
      danger={false}
      onConfirm={onConfirm}
      onClose={onClose}
    >
      {unchanged ? (
        <p>{t("roles.unchanged")}</p>
      ) : (
        <>
          <TemplateList title={t("roles.added")} names={added} index={index} sign="+" tone="bg-emerald-50 text-emerald-800" />
          <TemplateList title={t("roles.removed")} names={removed} index={index} sign="−" tone="bg-red-50 text-red-800" />
        </>
      )}
      {/* The refusal here names the permissions the editor lacks, with their descriptions. */}
      <ProblemAlert error={error} index={index} />
    </ConfirmDialog>
  );
}
