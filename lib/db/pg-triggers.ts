/**
 * PostgreSQL: the three statement-level triggers (insert, delete, update) named
 * `<table>_<name>_ai|ad|au` on `table`, calling `fn` with the statement's rows as transition
 * tables (`new_rows`, `old_rows`): one set-based statement per write, not one per row.
 */
export const pgStatementTriggers = (table: string, fn: string, name: string) => [
  `CREATE TRIGGER "${table}_${name}_ai" AFTER INSERT ON "${table}" REFERENCING NEW TABLE AS new_rows
     FOR EACH STATEMENT EXECUTE FUNCTION "${fn}"()`,
  `CREATE TRIGGER "${table}_${name}_ad" AFTER DELETE ON "${table}" REFERENCING OLD TABLE AS old_rows
     FOR EACH STATEMENT EXECUTE FUNCTION "${fn}"()`,
  // Transition tables cannot be combined with UPDATE OF <columns>: unchanged rows cancel out.
  `CREATE TRIGGER "${table}_${name}_au" AFTER UPDATE ON "${table}" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
     FOR EACH STATEMENT EXECUTE FUNCTION "${fn}"()`,
];
