import { randomInt } from "node:crypto";
import { formatRecoveryCode, RECOVERY_CODE_COUNT } from "@/domain/auth/second-factor";
import { hashSecretToken } from "@/server/auth/secret-tokens";

const ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";

/** Ten new recovery codes (50 random bits each), as shown once, and their hashes, as stored. */
export function newRecoveryCodes(): { shown: string[]; hashes: string[] } {
  const raw = Array.from({ length: RECOVERY_CODE_COUNT }, () => Array.from({ length: 10 }, () => ALPHABET[randomInt(32)]).join(""));
  return { shown: raw.map(formatRecoveryCode), hashes: raw.map(hashRecoveryCode) };
}

/** `code` as parseSecondFactor returns it: lower case, without dashes or spaces. */
export function hashRecoveryCode(code: string): string {
  return hashSecretToken(`recovery:${code}`);
}
