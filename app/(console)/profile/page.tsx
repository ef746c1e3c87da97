import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/session";
import { ProfilePage } from "@/components/profile/profile-page";
import { getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("user.profile") };
}

export default async function Profile() {
  const user = await currentUser();
  if (!user) redirect("/login");
  return <ProfilePage username={user.username} hasPassword={!!user.passwordHash} />;
}
