import { describe, expect, it } from "vitest";
import { endpointReceives, WEBHOOK_EVENT_TYPE_LIST } from "@/domain/webhooks/event-types";
import { isSuccessStatus, MAX_WEBHOOK_ATTEMPTS, retryDelayMs } from "@/domain/webhooks/retry-schedule";
import { webhookUrlProblem } from "@/domain/webhooks/webhook-url";

describe("webhook retry schedule", () => {
  it("waits 30 s, 1, 2, 4, 8, 16, 32 min, then gives up after the 8th attempt", () => {
    const waits = Array.from({ length: MAX_WEBHOOK_ATTEMPTS }, (_, i) => retryDelayMs(i + 1));
    expect(waits).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000, null]);
    expect(retryDelayMs(2, 10)).toBe(20);
    expect(() => retryDelayMs(0)).toThrow(RangeError);
  });

  it("counts only 2xx as success", () => {
    expect([199, 200, 204, 299, 301, 404, 500].map(isSuccessStatus)).toEqual([
      false,
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
  });
});

describe("webhook endpoint URLs", () => {
  it("accepts http(s) URLs, loopback included", () => {
    for (const u of [
      "https://hooks.example.com/comptoir",
      "http://127.0.0.1:4000/hook",
      "http://localhost/x?y=1",
      "https://[2001:db8::1]/h",
    ])
      expect(webhookUrlProblem(u)).toBeNull();
  });

  it("refuses what is not a URL, other schemes, credentials and link-local metadata hosts", () => {
    expect(webhookUrlProblem("hooks.example.com")).toBe("NOT_A_URL");
    expect(webhookUrlProblem("ftp://example.com/")).toBe("URL_SCHEME");
    expect(webhookUrlProblem("javascript:alert(1)")).toBe("URL_SCHEME");
    expect(webhookUrlProblem("https://user:pw@example.com/")).toBe("URL_CREDENTIALS");
    expect(webhookUrlProblem("http://169.254.169.254/latest/meta-data")).toBe("URL_BLOCKED_HOST");
    expect(webhookUrlProblem("http://169.254.1.2/")).toBe("URL_BLOCKED_HOST");
    expect(webhookUrlProblem("http://[fe80::1]/")).toBe("URL_BLOCKED_HOST");
    expect(webhookUrlProblem("http://metadata.google.internal/")).toBe("URL_BLOCKED_HOST");
  });
});

describe("webhook event types", () => {
  it("an endpoint with no types receives all; otherwise only its own", () => {
    expect(WEBHOOK_EVENT_TYPE_LIST.every((t) => endpointReceives([], t))).toBe(true);
    expect(endpointReceives(["invoice.issued"], "invoice.issued")).toBe(true);
    expect(endpointReceives(["invoice.issued"], "subscription.suspended")).toBe(false);
  });
});
