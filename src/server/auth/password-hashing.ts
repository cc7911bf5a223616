import { hash, verify } from "@node-rs/argon2";

/** argon2id with the library's defaults (OWASP-recommended parameters). */
export function hashPassword(plain: string): Promise<string> {
  return hash(plain);
}

export async function verifyPassword(stored: string, plain: string): Promise<boolean> {
  try {
    return await verify(stored, plain);
  } catch {
    return false;
  }
}

/**
 * A real hash of a random password, verified when the account does not exist, so that a miss costs
 * as much time as a wrong password and response times do not reveal which e-mails are registered.
 */
let decoy: Promise<string> | undefined;
export async function burnPasswordCheck(plain: string): Promise<void> {
  decoy ??= hash(`decoy-${Math.random()}`);
  await verifyPassword(await decoy, plain);
}
