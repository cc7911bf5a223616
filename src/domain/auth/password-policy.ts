/**
 * Passwords: length is what matters (NIST SP 800-63B); no composition rules. The upper bound keeps
 * hashing cost bounded against oversized inputs.
 */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

export type PasswordProblem = "TOO_SHORT" | "TOO_LONG" | "SAME_AS_EMAIL";

export function passwordProblem(password: string, email: string): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return "TOO_SHORT";
  if (length > PASSWORD_MAX_LENGTH) return "TOO_LONG";
  if (password.trim().toLowerCase() === email.trim().toLowerCase()) return "SAME_AS_EMAIL";
  return null;
}

/** E-mail addresses are compared case-insensitively: we store them trimmed and lower-cased. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
