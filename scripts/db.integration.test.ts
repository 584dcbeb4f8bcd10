import { describe, expect, test } from "vitest";
import { migrationFailure } from "../lib/db/url";
import { TEST_PG_URL } from "../lib/testing/database";
import { migrate } from "./db";

/** `TEST_PG_URL` with another database name, host or port. */
function pgUrl(change: (u: URL) => void): string {
  const u = new URL(TEST_PG_URL);
  change(u);
  return u.toString();
}

describe("a migration that cannot run says why and what to do", () => {
  test("a PostgreSQL database not created yet: the createdb command for it", () => {
    const url = pgUrl((u) => (u.pathname = "/parallax_never_created_db"));
    expect(() => migrate(url, true)).toThrow(
      /^cannot apply the migrations to postgresql:\/\/\*\*\*@[^ ]+\/parallax_never_created_db: database "parallax_never_created_db" does not exist\. Create it first \(createdb -h \S+ -p \d+ -U \S+ parallax_never_created_db/,
    );
  });

  test("no server at that port: start it or correct the URL", () => {
    // Port 1 (tcpmux): nothing listens there on a normal machine, and connecting is refused at once.
    const url = pgUrl((u) => (u.port = "1"));
    expect(() => migrate(url, true)).toThrow(/no PostgreSQL server answers at [^ ]+:1\. Start it, or correct the host and port in DATABASE_URL\./);
  });

  test("a login refused, the password not printed", () => {
    const url = pgUrl((u) => {
      u.username = "parallax_no_such_role";
      u.password = "s3cret-pw";
    });
    let message = "";
    try {
      migrate(url, true);
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/PostgreSQL refused user "parallax_no_such_role" .*Check the user and password in DATABASE_URL/);
    expect(message).not.toContain("s3cret-pw");
  });

  test("anything else: Prisma's own error line, after the URL without its credentials", () => {
    const out = "Prisma schema loaded\n\nError: P3009 migrate found failed migrations in the target database\n";
    expect(migrationFailure("postgresql://alice:pw@db.example:5432/parallax", out)).toBe(
      "cannot apply the migrations to postgresql://***@db.example:5432/parallax: P3009 migrate found failed migrations in the target database",
    );
    expect(migrationFailure("file:/data/x.db", "Error: External error id#0")).toBe("cannot apply the migrations to file:/data/x.db: External error id#0");
  });
});
