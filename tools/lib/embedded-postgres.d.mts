export const SERVER_SYSTEM_USER: string;
export function freePort(): Promise<number>;
export interface EmbeddedPostgres {
  url: string;
  pid: number;
  stop(): Promise<void>;
}
export function startEmbeddedPostgres(options?: { dir?: string | null; port?: number; log?: (msg: string) => void }): Promise<EmbeddedPostgres>;
