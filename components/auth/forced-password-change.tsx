"use client";
import { useRouter } from "next/navigation";
import { PasswordForm } from "@/components/profile/password-form";

export function ForcedPasswordChange() {
  const router = useRouter();
  return (
    <PasswordForm
      onDone={() => {
        router.push("/");
        router.refresh();
      }}
    />
  );
}
