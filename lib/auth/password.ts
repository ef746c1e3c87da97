import { hash, verify } from "@node-rs/argon2";

// argon2id with the library's defaults (m=19 MiB, t=2, p=1: OWASP's minimum).
export const hashPassword = (password: string) => hash(password);

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  // Verify against a dummy hash when the user has none, so timing does not reveal which usernames exist.
  const target = passwordHash ?? DUMMY_HASH;
  const ok = await verify(target, password).catch(() => false);
  return ok && passwordHash !== null;
}

const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$2ReYyIUQQXGlSq1YYlrKWg$yl3PbNA7GuEbIpKbwEnlm8tjRzQwPgBz0/JZGUJhFmo";
