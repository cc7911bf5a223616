import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import en from "@/i18n/messages/en.json";
import es from "@/i18n/messages/es.json";
import fr from "@/i18n/messages/fr.json";
import { AUDIT_ACTIONS, auditTargetHref } from "./audit-actions";

const lookup = (catalogue: unknown, path: string): unknown => path.split(".").reduce<unknown>((node, k) => (node && typeof node === "object" ? (node as Record<string, unknown>)[k] : undefined), catalogue);

describe("audit actions", () => {
  it.each([
    ["en", en],
    ["fr", fr],
    ["es", es],
  ])("every action has a name in %s", (_, catalogue) => {
    for (const action of AUDIT_ACTIONS) expect(typeof lookup(catalogue, `auditActions.${action}`), action).toBe("string");
  });

  it("knows every action the server records with a literal name", () => {
    const files = (readdirSync("src/server", { recursive: true }) as string[]).filter((f) => f.endsWith(".ts"));
    const literal = new Set<string>();
    for (const f of files) for (const m of readFileSync(path.join("src/server", f), "utf8").matchAll(/action: "([a-z_]+(?:\.[a-z_]+)+)"/g)) literal.add(m[1] ?? "");
    expect(literal.size).toBeGreaterThan(20);
    expect([...literal].filter((a) => !(AUDIT_ACTIONS as readonly string[]).includes(a))).toEqual([]);
  });

  it("links targets to their back-office page", () => {
    expect(auditTargetHref("invoice", "i-1", null)).toBe("/staff/invoices/i-1");
    expect(auditTargetHref("customer", "c-1", null)).toBe("/staff/customers/c-1");
    expect(auditTargetHref("credit_note", "n-1", "c-1")).toBe("/staff/credit-notes/n-1");
    expect(auditTargetHref("purchase_order", "o-1", "c-1")).toBe("/staff/orders/o-1");
    expect(auditTargetHref("site", "s-1", "c-1")).toBe("/staff/customers/c-1");
    expect(auditTargetHref("user", "u-1", null)).toBe("/staff/team");
    expect(auditTargetHref(null, null, null)).toBeNull();
  });
});
