import { NotFound } from "@/components/ui/not-found";

// An unknown console URL: the same not-found page as a missing object's, inside the shell.
export default function ConsoleNotFound() {
  return <NotFound />;
}
