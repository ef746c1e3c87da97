import { redirect } from "next/navigation";

// Workspaces are the home of the console; the console layout sends strangers to /login.
export default function Home() {
  redirect("/workspaces");
}
