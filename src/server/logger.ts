import pino from "pino";
import { env } from "@/server/config";

/** Structured logs (JSON lines). Never log secrets, tokens or passwords. */
export const logger = pino({
  level: env().LOG_LEVEL,
  redact: ["password", "token", "*.password", "*.token", "passwordHash"],
});
