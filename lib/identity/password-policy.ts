// The one password policy (OWASP ASVS 2.1): length, not containing the username, not a common password.
// Every place that sets a password calls assertPasswordPolicy(); the zod schema only checks the length.
import "server-only";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { invalid } from "../api/errors";

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;

let common: Set<string> | undefined;
/** The bundled list of common passwords (lowercase, one a line), loaded once. */
function commonPasswords(): Set<string> {
  common ??= new Set(readFileSync(join(process.cwd(), "lib/identity/common-passwords.txt"), "utf8").split("\n").filter(Boolean));
  return common;
}

/** Why the password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, username?: string): string | null {
  if (password.length < PASSWORD_MIN) return `At least ${PASSWORD_MIN} characters.`;
  if (password.length > PASSWORD_MAX) return `At most ${PASSWORD_MAX} characters.`;
  const lower = password.toLowerCase();
  if (username && lower.includes(username.toLowerCase())) return "The password must not contain the username.";
  if (commonPasswords().has(lower)) return "This password is too common; choose another.";
  return null;
}

export function assertPasswordPolicy(password: string, username?: string, path = "password"): void {
  const problem = passwordProblem(password, username);
  if (problem) throw invalid([{ path, message: problem }]);
}
