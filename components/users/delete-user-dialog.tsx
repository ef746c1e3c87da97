"use client";
import { useState, type FormEvent } from "react";
import { useDeleteUser } from "@/lib/client/hooks/users";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { ProblemAlert } from "@/components/roles/problem-alert";

function DeleteConfirm({ username, onClose }: { username: string; onClose: () => void }) {
  const remove = useDeleteUser(username);
  const [typed, setTyped] = useState("");
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    remove.mutate(undefined, { onSuccess: onClose });
  }
  return (
    <form onSubmit={onSubmit} className="space-y-4">
      <p className="text-sm text-zinc-600">
        This deletes the account <span className="font-mono font-medium text-zinc-900">{username}</span> and all of its memberships. It cannot be undone;
        disabling keeps the account instead.
      </p>
      <TextField label={`Type ${username} to confirm`} value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" spellCheck={false} />
      <ProblemAlert error={remove.error} />
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" variant="danger" disabled={typed !== username || remove.isPending}>
          {remove.isPending ? "Deleting…" : "Delete user"}
        </Button>
      </div>
    </form>
  );
}

export function DeleteUserDialog({ username, onClose }: { username: string | null; onClose: () => void }) {
  return (
    <Dialog open={username !== null} title="Delete user" onClose={onClose}>
      {username && <DeleteConfirm key={username} username={username} onClose={onClose} />}
    </Dialog>
  );
}
