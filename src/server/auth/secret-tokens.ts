import { createHash, randomBytes } from "node:crypto";

/** 256 random bits, URL-safe. Only its SHA-256 is stored, so a database leak reveals no usable link. */
export function generateSecretToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashSecretToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
