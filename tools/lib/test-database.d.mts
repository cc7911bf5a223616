export interface FreshDatabase {
  url: string;
  kind: "server" | "embedded";
  drop(): Promise<void>;
}
export interface TestServer {
  url: string;
  kind: "server" | "embedded";
  close(): Promise<void>;
}
export function withDatabase(url: string, name: string): string;
export function openTestServer(): Promise<TestServer>;
export function createFreshDatabase(prefix: string): Promise<FreshDatabase>;
