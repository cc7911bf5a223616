// Demo data for `npm start` (and `npx prisma db seed`). Safe to run repeatedly.
import { createPrismaClient } from "@/server/db/client";
import { demoLoginsText, seedDemoData } from "@/server/demo/seed-demo-data";

const url = process.env.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL is not set");
const db = createPrismaClient(url);
try {
  const { created } = await seedDemoData(db);
  console.log(created ? "Demo data created." : "Demo data already present.");
  console.log(demoLoginsText());
} finally {
  await db.$disconnect();
}
