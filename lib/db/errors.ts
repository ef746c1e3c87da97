// Recognising PostgreSQL errors from pg (lib/db/sql.ts), which carry the server's own SQLSTATE.
// (Prisma model queries' P2002 is mapped where routes turn errors into problems, lib/api/route.ts.)
import { DatabaseError } from "pg";

export const isUniqueViolation = (err: unknown): boolean => err instanceof DatabaseError && err.code === "23505";
