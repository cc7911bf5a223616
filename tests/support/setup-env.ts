import { inject } from "vitest";

// Runs before each test file imports the app's modules, so getDb() connects to the test database.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.APP_URL = "http://comptoir.test";
delete process.env.SMTP_URL;
process.env.LOG_LEVEL ??= "silent";
