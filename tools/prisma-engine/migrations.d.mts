export interface MigrationOptions {
  url: string;
  migrationsDir?: string;
  schemaPath?: string;
}
export function deployMigrations(options: MigrationOptions): Promise<string[]>;
export function migrationStatus(
  options: MigrationOptions,
): Promise<{ upToDate: boolean; pending: string[]; failed: string[]; history: unknown }>;
