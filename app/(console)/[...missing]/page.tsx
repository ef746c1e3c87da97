import { notFound } from "next/navigation";

// Any path no page answers lands here, so its not-found page renders inside the console's layout and shell.
export default function MissingPage() {
  notFound();
}
