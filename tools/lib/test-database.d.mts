export interface FreshDatabase {
  url: string;
  kind: "server" | "embedded";
  drop(): Promise<void>;
}
export function createFreshDatabase(prefix: string): Promise<FreshDatabase>;
