import type { Metadata } from "next";
import { UserDetail } from "@/components/users/user-detail";

type Params = { params: Promise<{ username: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: (await params).username };
}

export default async function UserPage({ params }: Params) {
  const { username } = await params;
  return <UserDetail key={username} username={username} />;
}
