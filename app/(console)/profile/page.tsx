import type { Metadata } from "next";
import { consoleUser } from "@/lib/web/console-user";
import { ProfilePage } from "@/components/profile/profile-page";
import { getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("user.profile") };
}

export default async function Profile() {
  const user = await consoleUser();
  return <ProfilePage username={user.username} hasPassword={!!user.passwordHash} />;
}
