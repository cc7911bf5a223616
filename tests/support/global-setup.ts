import type { TestProject } from "vitest/node";
import { createFreshDatabase } from "../../tools/lib/test-database.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/** One freshly migrated database for the whole integration run, dropped at the end. */
export default async function setup(project: TestProject) {
  const database = await createFreshDatabase("comptoir_test");
  project.provide("databaseUrl", database.url);
  return async () => {
    await database.drop();
  };
}
