"use client";
import type { z } from "zod";
import { useZodForm } from "@/lib/client/form";
import type { AccessScope } from "@/lib/client/access-scope";
import { useAddMember } from "@/lib/client/hooks/members";
import type { Role } from "@/lib/client/types";
import type { memberBody } from "@/lib/schemas/rbac";
import { SelectField } from "@/components/ui/field";
import { FormActions } from "@/components/ui/form-actions";
import { RoleOptions } from "./role-options";
import { UserPicker } from "./user-picker";
import { ExpiryPicker, expiryInstant, type Expiry } from "./expiry-picker";
import { useT } from "@/lib/i18n/client";

const memberSchema = () => import("@/lib/schemas/rbac").then((m) => m.memberBody);

// The least a new member should start with at each level.
const defaultRole = { platform: "platform-regular", workspace: "regular", project: "viewer" } as const;

interface InviteValues { username: string; role: string; expiry: Expiry }

export function InviteMemberForm({ scope, roles, held, onDone }: { scope: AccessScope; roles: Role[]; held: Set<string>; onDone: () => void }) {
  const t = useT();
  const add = useAddMember(scope);
  const form = useZodForm<InviteValues, z.output<typeof memberBody>>(memberSchema, {
    defaultValues: { username: "", role: defaultRole[scope.level], expiry: { kind: "never" } },
    // A preset counts from the moment the form is sent.
    toBody: ({ username, role, expiry }) => {
      const expiresAt = expiryInstant(expiry);
      return { username: username.trim(), role, ...(expiresAt !== null ? { expiresAt } : {}) };
    },
    fieldOf: (path) => (path === "expiresAt" ? "expiry" : ["username", "role"].includes(path) ? path : undefined),
  });
  const invite = scope.level === "workspace";
  const title = t(invite ? "members.invite" : "members.add");
  const onSubmit = form.submit(add, { variables: (body) => ({ ...body, expiresAt: body.expiresAt?.toISOString() }), onSuccess: onDone });

  return (
    <form onSubmit={onSubmit} noValidate aria-label={title} className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <UserPicker
          scope={scope}
          value={form.watch("username")}
          onChange={(username) => form.setValue("username", username, { shouldValidate: form.formState.isSubmitted })}
          error={form.formState.errors.username?.message}
          hint={scope.level === "project" ? t("members.projectHint") : undefined}
        />
        <SelectField label={t("members.role")} {...form.field("role")}>
          <RoleOptions roles={roles} held={held} />
        </SelectField>
      </div>
      <ExpiryPicker
        value={form.watch("expiry")}
        onChange={(next) => form.setValue("expiry", next, { shouldValidate: form.formState.isSubmitted })}
        error={(form.formState.errors.expiry as { message?: string } | undefined)?.message}
      />
      <FormActions submitLabel={title} pendingLabel={t(invite ? "members.inviting" : "members.adding")} pending={form.pending} onCancel={onDone} />
    </form>
  );
}
