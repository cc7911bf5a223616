import { z } from "zod";
import { isValidTimeZone } from "@/domain/billing/calendar-date";
import { isTimeOfDay } from "@/domain/shared/time-of-day";

/**
 * Environment, parsed once. Every variable is documented in .env.example. Reading is lazy so that
 * `next build` (which imports server modules) does not need a database or secrets.
 */
const ZEnv = z.object({
  DATABASE_URL: z.string().url().optional(),
  APP_URL: z.string().url().optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default("Comptoir <billing@comptoir.localhost>"),
  // Only the first values of Settings → Company (see get-company-settings.ts).
  COMPANY_NAME: z.string().default("Comptoir"),
  COMPANY_ADDRESS: z.string().default(""),
  COMPANY_TAX_ID: z.string().default(""),
  COMPANY_EMAIL: z.string().default(""),
  // Connections per app process, and how many API requests may run and wait for them (README: sizing).
  DB_POOL_SIZE: z.coerce.number().int().min(2).max(200).default(10),
  API_MAX_CONCURRENT: z.coerce.number().int().min(1).max(2000).optional(),
  API_MAX_QUEUED: z.coerce.number().int().min(0).max(100_000).default(100),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  // Background jobs (src/server/jobs, ADR 0015): "off" keeps `npm start` from running the job worker.
  JOBS: z.enum(["on", "off"]).default("on"),
  // The daily billing run: a local wall-clock time in a time zone.
  BILLING_RUN_AT: z.string().refine(isTimeOfDay, "expected HH:MM (24-hour clock)").default("06:00"),
  BILLING_TIME_ZONE: z.string().refine(isValidTimeZone, "expected an IANA time zone such as Europe/Paris").default("Europe/Paris"),
  // Autopay and reconciliation (ADR 0019): daily, at these local times in BILLING_TIME_ZONE. Autopay
  // after the billing run (its renewal invoices are then issued), reconciliation before it.
  AUTOPAY_AT: z.string().refine(isTimeOfDay, "expected HH:MM (24-hour clock)").default("07:00"),
  RECONCILE_AT: z.string().refine(isTimeOfDay, "expected HH:MM (24-hour clock)").default("05:30"),
  // Online payments (ADR 0019): with STRIPE_SECRET_KEY, Stripe; without, the labelled demo provider.
  STRIPE_SECRET_KEY: z.string().min(1).optional(),
  STRIPE_WEBHOOK_SECRET: z.string().min(1).optional(),
  STRIPE_PUBLISHABLE_KEY: z.string().min(1).optional(),
  // Support e-mail intake (docs/support-intake.md): the SMTP listener the job worker runs ("off" or
  // "0": none) and where it binds; the inbound webhook's secret is read per request (intake-config.ts).
  COMPTOIR_SMTP_INTAKE_PORT: z
    .string()
    .regex(/^(off|\d{1,5})$/, "expected a port number, or off")
    .refine((v) => v === "off" || Number(v) <= 65_535, "expected a port number up to 65535")
    .default("2525"),
  COMPTOIR_SMTP_INTAKE_HOST: z.string().min(1).default("127.0.0.1"),
  // Tests only: the Stripe API's base URL (a local stub server), e.g. http://127.0.0.1:12111.
  STRIPE_API_BASE: z.string().url().optional(),
});

export type Env = z.infer<typeof ZEnv>;

let cached: Env | undefined;
export function env(): Env {
  cached ??= ZEnv.parse(process.env);
  return cached;
}

export function databaseUrl(): string {
  const url = env().DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set. Start the app with `npm start`, which provides one.");
  return url;
}

/** Public base URL used in e-mailed links. */
export function appUrl(): string {
  const e = env();
  return (e.APP_URL ?? e.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, "");
}
