export function legacyPgliteDir(dataDir: string): string | null;
export function migrateLegacyPglite(options: { dataDir: string; targetUrl: string; log?: (msg: string) => void }): Promise<{ tables: number; rows: number; backup: string }>;
