import type { Metadata } from "next";
import { getT } from "@/lib/i18n/server";
import { UsersList } from "@/components/users/users-list";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("nav.users") };
}

export default function UsersPage() {
  return <UsersList />;
}
