/**
 * Faults injected into a PostgreSQL test database, to check that batch jobs survive what a busy
 * database does to them.
 */
import type { Database } from "../db";

export interface InjectedFault {
  /** Update statements the trigger has seen so far, the failed ones included. */
  updates(): Promise<number>;
  /** Take the trigger, its function and its counter away. */
  remove(): Promise<void>;
}

/**
 * Make the next `times` statements that update `table` fail as a deadlock victim does (SQLSTATE
 * 40P01, "deadlock detected"): a statement-level trigger counts with a sequence, which a rollback
 * does not undo, so the failures stop after `times` whatever the caller retries.
 */
export async function failUpdatesWithDeadlock(database: Database, table: string, times = 1): Promise<InjectedFault> {
  if (database.provider !== "postgresql") throw new Error("failUpdatesWithDeadlock: PostgreSQL only");
  const { db } = database;
  const name = `parallax_test_deadlock_${table.toLowerCase()}`;
  await db.$executeRawUnsafe(`CREATE SEQUENCE "${name}"`);
  await db.$executeRawUnsafe(
    `CREATE FUNCTION "${name}"() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       IF nextval('"${name}"') <= ${Math.floor(times)} THEN
         RAISE EXCEPTION 'deadlock detected (injected by a test)' USING ERRCODE = '40P01';
       END IF;
       RETURN NULL;
     END $$`,
  );
  await db.$executeRawUnsafe(`CREATE TRIGGER "${name}" AFTER UPDATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION "${name}"()`);
  return {
    updates: async () => {
      const rows = await db.$queryRawUnsafe<{ last_value: bigint; is_called: boolean }[]>(`SELECT last_value, is_called FROM "${name}"`);
      return rows[0]!.is_called ? Number(rows[0]!.last_value) : 0;
    },
    remove: async () => {
      await db.$executeRawUnsafe(`DROP TRIGGER "${name}" ON "${table}"`);
      await db.$executeRawUnsafe(`DROP FUNCTION "${name}"()`);
      await db.$executeRawUnsafe(`DROP SEQUENCE "${name}"`);
    },
  };
}
