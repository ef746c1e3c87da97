import { redirect } from "next/navigation";

// The dashboard is the home of the console; the console layout sends strangers to /login.
export default function Home() {
  redirect("/dashboard");
}
