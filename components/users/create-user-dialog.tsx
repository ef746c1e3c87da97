"use client";
import { useState, type FormEvent } from "react";
import { ApiError, fieldErrors } from "@/lib/client/api";
import { useCreateUser } from "@/lib/client/hooks/users";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { ProblemAlert } from "@/components/roles/problem-alert";
import { PlatformRoleField } from "./platform-role-field";

export function CreateUserDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const create = useCreateUser();
  const [platformRole, setPlatformRole] = useState("platform-regular");
  const [mustChange, setMustChange] = useState(true);
  const errors = fieldErrors(create.error);
  const problem = create.error instanceof ApiError && create.error.issues.length ? undefined : create.error;

  function close() {
    create.reset();
    setPlatformRole("platform-regular");
    setMustChange(true);
    onClose();
  }

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const text = (key: string) => String(form.get(key) ?? "").trim() || undefined;
    create.mutate(
      {
        username: text("username") ?? "",
        password: String(form.get("password") ?? ""),
        displayName: text("displayName"),
        email: text("email"),
        platformRole,
        mustChangePassword: mustChange,
      },
      { onSuccess: close },
    );
  }

  return (
    <Dialog open={open} title="Create user" onClose={close}>
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        <TextField label="Username" name="username" required autoComplete="off" spellCheck={false} error={errors.username} hint="Lowercase letters, digits and '-'. Cannot be changed later." />
        <TextField label="Display name" name="displayName" autoComplete="off" error={errors.displayName} />
        <TextField label="Email" name="email" type="email" autoComplete="off" error={errors.email} />
        <TextField label="Password" name="password" type="password" required autoComplete="new-password" error={errors.password} hint="At least 12 characters, not containing the username." />
        <PlatformRoleField value={platformRole} onChange={(e) => setPlatformRole(e.target.value)} error={errors.platformRole} />
        <label className="flex items-center gap-2 text-sm text-zinc-800">
          <input type="checkbox" className="size-4 accent-indigo-600" checked={mustChange} onChange={(e) => setMustChange(e.target.checked)} />
          Require a new password at first sign-in
        </label>
        <ProblemAlert error={problem} />
        <div className="flex justify-end gap-2 pt-2">
          <Button variant="secondary" onClick={close}>
            Cancel
          </Button>
          <Button type="submit" disabled={create.isPending}>
            {create.isPending ? "Creating…" : "Create user"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
