/**
 * Lets a migration that adds a column run again harmlessly, as every migration must (db.ts; a test builds an earlier
 * release's database by setting `user_version` back, and the later migrations run again): its `ALTER TABLE t ADD COLUMN
 * c …;` statements whose column is there already are left out (SQLite has no ADD COLUMN IF NOT EXISTS).
 */
import type Database from 'better-sqlite3';

const ADD_COLUMN = /ALTER TABLE (\w+) ADD COLUMN (\w+)[^;]*;/g;

/** `migration` without the column additions `db` has already. */
export function withoutColumnsThere(db: Database.Database, migration: string): string {
  return migration.replace(ADD_COLUMN, (statement, table: string, column: string) =>
    (db.pragma(`table_info(${table})`) as { name: string }[]).some((c) => c.name === column) ? '' : statement);
}
