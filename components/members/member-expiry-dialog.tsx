"use client";
import { useState, type FormEvent } from "react";
import type { AccessScope } from "@/lib/client/access-scope";
import { fieldErrors, formProblem } from "@/lib/client/api";
import { useChangeMemberExpiry } from "@/lib/client/hooks/members";
import type { Member } from "@/lib/client/types";
import { Dialog } from "@/components/ui/dialog";
import { FormActions } from "@/components/ui/form-actions";
import { ProblemAlert } from "@/components/roles/problem-alert";
import { useT } from "@/lib/i18n/client";
import { ExpiryPicker, expiryInstant, expiryOf, type Expiry } from "./expiry-picker";

/** When a member's access ends: a preset, a date and time, or never. */
export function MemberExpiryDialog({ scope, member, onClose }: { scope: AccessScope; member: Member | null; onClose: () => void }) {
  const t = useT();
  return (
    <Dialog open={member !== null} title={t("expiry.changeFor", { name: member?.username ?? "" })} onClose={onClose}>
      {member && <ExpiryForm key={member.username} scope={scope} member={member} onClose={onClose} />}
    </Dialog>
  );
}

function ExpiryForm({ scope, member, onClose }: { scope: AccessScope; member: Member; onClose: () => void }) {
  const t = useT();
  const change = useChangeMemberExpiry(scope);
  const [expiry, setExpiry] = useState<Expiry>(expiryOf(member.expiresAt));
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    change.mutate({ username: member.username, expiresAt: expiryInstant(expiry) }, { onSuccess: onClose });
  }
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <ExpiryPicker value={expiry} onChange={setExpiry} error={fieldErrors(change.error).expiresAt} />
      <ProblemAlert error={formProblem(change.error)} />
      <FormActions submitLabel={t("expiry.save")} pendingLabel={t("ui.saving")} pending={change.isPending} onCancel={onClose} />
    </form>
  );
}
