// Types for migrations.mjs (Prisma migrations applied without the Prisma CLI).

export interface MigrationOptions {
  /** PostgreSQL URL of the database (an optional `?schema=` is honoured, like Prisma). */
  url: string;
  /** Migrations folder; a relative path is resolved against the repository root. Default "prisma/migrations". */
  migrationsDir?: string;
  /** Prisma schema file; a relative path is resolved against the repository root. Default "prisma/schema.prisma". */
  schemaPath?: string;
}

export interface MigrationStatus {
  /** No pending, failed or unknown migration. */
  upToDate: boolean;
  /** Migrations of the folder not applied yet, in order. */
  pending: string[];
  /** Migrations recorded as failed in _prisma_migrations (resolve them with `prisma migrate resolve`). */
  failed: string[];
  /** Migrations recorded in the database that the folder does not have. */
  onlyInDatabase: string[];
}

/** Applies the pending migrations and returns their names (empty when up to date). Rejects with a readable Error. */
export function deployMigrations(options: MigrationOptions): Promise<string[]>;

/** Where the database stands against the migrations folder (read-only). */
export function migrationStatus(options: MigrationOptions): Promise<MigrationStatus>;
