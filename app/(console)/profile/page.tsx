import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/session";
import { ProfilePage } from "@/components/profile/profile-page";

export const metadata: Metadata = { title: "Profile" };

export default async function Profile() {
  const user = await currentUser();
  if (!user) redirect("/login");
  return <ProfilePage username={user.username} hasPassword={!!user.passwordHash} />;
}
