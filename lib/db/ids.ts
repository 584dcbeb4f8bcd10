/**
 * The largest row id (autoincrement `Int`): 32-bit on both databases. A larger number can name no
 * row, and PostgreSQL fails on it ("integer out of range") where SQLite finds nothing, so ids
 * from requests are checked against it.
 */
export const MAX_ROW_ID = 2_147_483_647;
