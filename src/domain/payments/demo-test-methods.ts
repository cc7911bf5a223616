import type { MethodKind } from "./payment-methods";

/**
 * The demo payment provider's test methods (no Stripe keys): the only numbers its form accepts, so a
 * real card number typed by mistake is refused and never stored. Their outcomes mirror Stripe's test
 * cards: one succeeds, one is declined, one asks the cardholder to authenticate (3-D Secure), and a
 * SEPA test account is debited after a processing phase.
 */
export type DemoOutcome = "SUCCEEDS" | "DECLINED" | "REQUIRES_AUTHENTICATION" | "PROCESSING_THEN_SUCCEEDS";

export interface DemoTestMethod {
  kind: MethodKind;
  brand: string | null;
  bankName: string | null;
  last4: string;
  outcome: DemoOutcome;
}

const TEST_METHODS: Record<string, DemoTestMethod> = {
  "4242424242424242": { kind: "CARD", brand: "visa", bankName: null, last4: "4242", outcome: "SUCCEEDS" },
  "4000000000000002": { kind: "CARD", brand: "visa", bankName: null, last4: "0002", outcome: "DECLINED" },
  "4000002500003155": {
    kind: "CARD",
    brand: "visa",
    bankName: null,
    last4: "3155",
    outcome: "REQUIRES_AUTHENTICATION",
  },
  DE89370400440532013000: {
    kind: "SEPA_DEBIT",
    brand: null,
    bankName: "Demo Bank",
    last4: "3000",
    outcome: "PROCESSING_THEN_SUCCEEDS",
  },
};

/** The test method a typed number names (spaces and dashes ignored, any case), or null. */
export function demoTestMethod(typed: string): DemoTestMethod | null {
  return TEST_METHODS[typed.replace(/[\s-]/g, "").toUpperCase()] ?? null;
}

/**
 * How a saved demo method fares off-session (autopay), known from its last 4 digits: a card that
 * needs authentication cannot be charged without the cardholder, as with Stripe's 3155 card.
 */
export function demoOffSessionOutcome(
  last4: string,
): "SUCCEEDS" | "PROCESSING_THEN_SUCCEEDS" | "AUTHENTICATION_REQUIRED" | "DECLINED" {
  const method = Object.values(TEST_METHODS).find((m) => m.last4 === last4);
  if (!method || method.outcome === "DECLINED") return "DECLINED";
  if (method.outcome === "REQUIRES_AUTHENTICATION") return "AUTHENTICATION_REQUIRED";
  return method.outcome;
}

/** The test numbers the demo form lists for people to copy, with what each does. */
export const DEMO_TEST_NUMBERS: readonly { number: string; kind: MethodKind; outcome: DemoOutcome }[] =
  Object.entries(TEST_METHODS).map(([number, m]) => ({ number, kind: m.kind, outcome: m.outcome }));
