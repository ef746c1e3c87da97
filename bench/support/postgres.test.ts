import { expect, it } from "vitest";
import { reachedBy } from "./postgres";

it("names how a database URL reaches its server, as the console's pool reads it", () => {
  expect(reachedBy("postgresql://postgres:pw@127.0.0.1:5432/db")).toBe("over TCP");
  expect(reachedBy("postgresql://postgres:pw@127.0.0.1:5432/db?host=/tmp/pg")).toBe("by its Unix socket");
});
