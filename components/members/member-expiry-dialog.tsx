"use client";
import type { z } from "zod";
import type { AccessScope } from "@/lib/client/access-scope";
import { useZodForm } from "@/lib/client/form";
import { useChangeMemberExpiry } from "@/lib/client/hooks/members";
import type { Member } from "@/lib/client/types";
import { Dialog } from "@/components/ui/dialog";
import { FormActions } from "@/components/ui/form-actions";
import type { memberPatch } from "@/lib/schemas/rbac";
import { useT } from "@/lib/i18n/client";
import { ExpiryPicker, expiryInstant, expiryOf, type Expiry } from "./expiry-picker";

const patchSchema = () => import("@/lib/schemas/rbac").then((m) => m.memberPatch);

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
  const form = useZodForm<{ expiry: Expiry }, z.output<typeof memberPatch>>(patchSchema, {
    defaultValues: { expiry: expiryOf(member.expiresAt) },
    toBody: ({ expiry }) => ({ expiresAt: expiryInstant(expiry) }),
    fieldOf: (path) => (path === "expiresAt" ? "expiry" : undefined),
  });
  const onSubmit = form.submit(change, { variables: (body) => ({ username: member.username, expiresAt: body.expiresAt ? body.expiresAt.toISOString() : null }), onSuccess: onClose });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <ExpiryPicker
        value={form.watch("expiry")}
        onChange={(next) => form.setValue("expiry", next, { shouldValidate: form.formState.isSubmitted })}
        error={(form.formState.errors.expiry as { message?: string } | undefined)?.message}
      />
      <FormActions submitLabel={t("expiry.save")} pendingLabel={t("ui.saving")} pending={form.pending} onCancel={onClose} />
    </form>
  );
}
