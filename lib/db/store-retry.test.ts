import { describe, expect, test } from "vitest";
import { isBusyStoreError, isTransientStoreError, STORE_ATTEMPTS, withStoreRetry } from "./store-retry";

const deadlock = () => Object.assign(new Error("deadlock detected"), { code: "40P01" });

describe("withStoreRetry", () => {
  test("runs the work again after a transient failure and returns what the successful try returned", async () => {
    const attempts: number[] = [];
    const result = await withStoreRetry(async (attempt) => {
      attempts.push(attempt);
      if (attempt < 3) throw deadlock();
      return "stored";
    });
    expect(result).toBe("stored");
    expect(attempts).toEqual([1, 2, 3]);
  });

  test("throws any other failure at once", async () => {
    let tries = 0;
    const bug = new TypeError("cannot read properties of undefined");
    await expect(
      withStoreRetry(async () => {
        tries++;
        throw bug;
      }),
    ).rejects.toBe(bug);
    expect(tries).toBe(1);
  });

  test(`gives up after ${STORE_ATTEMPTS} transient failures, throwing the last`, async () => {
    let tries = 0;
    await expect(
      withStoreRetry(async () => {
        tries++;
        throw deadlock();
      }),
    ).rejects.toThrow("deadlock detected");
    expect(tries).toBe(STORE_ATTEMPTS);
  });

  test("beforeRetry runs before each further try, with the failure and the try's number; not after the last", async () => {
    const log: string[] = [];
    await expect(
      withStoreRetry(
        async (attempt) => {
          log.push(`try ${attempt}`);
          throw deadlock();
        },
        { beforeRetry: (err, attempt) => void log.push(`before ${attempt}: ${(err as Error).message}`) },
      ),
    ).rejects.toThrow("deadlock detected");
    expect(log).toEqual(["try 1", "before 2: deadlock detected", "try 2", "before 3: deadlock detected", "try 3", "before 4: deadlock detected", "try 4"]);
  });

  test("a failing beforeRetry stops the tries and its error is thrown", async () => {
    let tries = 0;
    const lost = new Error("connection lost");
    await expect(
      withStoreRetry(
        async () => {
          tries++;
          throw deadlock();
        },
        {
          beforeRetry: () => {
            throw lost;
          },
        },
      ),
    ).rejects.toBe(lost);
    expect(tries).toBe(1);
  });

  test("giveUpAfterMs: a transient failure after the budget is thrown, fast ones are still tried again", async () => {
    let slowTries = 0;
    await expect(
      withStoreRetry(
        async () => {
          slowTries++;
          await new Promise((resolve) => setTimeout(resolve, 80));
          throw new Error("SqliteError: database is locked");
        },
        { giveUpAfterMs: 50 },
      ),
    ).rejects.toThrow("database is locked");
    expect(slowTries).toBe(1);

    const attempts: number[] = [];
    const result = await withStoreRetry(
      async (attempt) => {
        attempts.push(attempt);
        if (attempt < 3) throw deadlock();
        return "stored";
      },
      { giveUpAfterMs: 5_000 },
    );
    expect(result).toBe("stored");
    expect(attempts).toEqual([1, 2, 3]);
  });

  test("what counts as transient: a busy or deadlocked database, a key taken meanwhile; not bad data", () => {
    expect(isTransientStoreError(deadlock())).toBe(true);
    expect(isTransientStoreError(new Error("SqliteError: database is locked"))).toBe(true);
    expect(isTransientStoreError({ message: "failed", cause: { code: "40001" } })).toBe(true);
    expect(isTransientStoreError(new Error("null value in column \"title\" violates not-null constraint"))).toBe(false);
    // A key taken by a concurrent writer is worth another try, but the database was not busy.
    const taken = new Error("Unique constraint failed on the fields: (`id`)");
    expect(isTransientStoreError(taken)).toBe(true);
    expect(isBusyStoreError(taken)).toBe(false);
    expect(isBusyStoreError(deadlock())).toBe(true);
  });
});
