// Recognising PostgreSQL errors behind Prisma and pg: model queries report P2002, raw queries P2010 with the
// database's own code (23505) or the driver adapter's kind in the metadata, pg the code itself (lib/db/sql.ts).
import { Prisma } from "@prisma/client";
import { DatabaseError } from "pg";

export function isUniqueViolation(err: unknown): boolean {
  if (err instanceof DatabaseError) return err.code === "23505";
  if (!(err instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (err.code === "P2002") return true;
  return err.code === "P2010" && /23505|UniqueConstraintViolation/.test(`${err.message} ${JSON.stringify(err.meta ?? {})}`);
}
