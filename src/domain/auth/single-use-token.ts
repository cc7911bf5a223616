import { DomainError } from "@/domain/shared/domain-error";

/** How long the e-mailed secrets stay valid. */
export const TOKEN_LIFETIME_MS = {
  INVITATION: 7 * 24 * 60 * 60 * 1000,
  PASSWORD_RESET: 60 * 60 * 1000,
  /** The link that confirms a company's new billing e-mail address (issue 17). */
  BILLING_EMAIL_CHANGE: 24 * 60 * 60 * 1000,
} as const;

export type TokenPurpose = keyof typeof TOKEN_LIFETIME_MS;

export interface TokenState {
  purpose: TokenPurpose;
  expiresAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
}

export function tokenExpiry(purpose: TokenPurpose, now: Date): Date {
  return new Date(now.getTime() + TOKEN_LIFETIME_MS[purpose]);
}

/**
 * Why a token cannot be used, checked in the order a person understands best: a link that was already
 * used says so even once it has also expired; a revoked link reads as invalid (we do not tell a stranger
 * that an invitation existed).
 */
export function assertTokenUsable(token: TokenState | null, purpose: TokenPurpose, now: Date): void {
  if (!token || token.purpose !== purpose || token.revokedAt) throw new DomainError("TOKEN_INVALID");
  if (token.usedAt) throw new DomainError("TOKEN_USED");
  if (token.expiresAt.getTime() <= now.getTime()) throw new DomainError("TOKEN_EXPIRED");
}
