import { describe, expect, it } from "vitest";
import { afterMessage, isUnreadFor, mayChangeStatus, type ThreadReadState } from "./message-rules";

const at = (minute: number) => new Date(Date.UTC(2026, 11, 2, 12, minute));
const fresh: ThreadReadState = { lastCustomerMessageAt: null, lastStaffMessageAt: null, customerReadAt: null, staffReadAt: null };

describe("isUnreadFor", () => {
  it("a new customer message is unread for staff, never for the customer who wrote it", () => {
    const t = { ...fresh, ...afterMessage("CUSTOMER", at(0)) };
    expect(isUnreadFor("STAFF", t)).toBe(true);
    expect(isUnreadFor("CUSTOMER", t)).toBe(false);
  });

  it("reading clears the badge until the other side writes again", () => {
    let t: ThreadReadState = { ...fresh, ...afterMessage("CUSTOMER", at(0)), staffReadAt: at(1) };
    expect(isUnreadFor("STAFF", t)).toBe(false);
    t = { ...t, ...afterMessage("STAFF", at(2)) };
    expect(isUnreadFor("CUSTOMER", t)).toBe(true);
    expect(isUnreadFor("STAFF", t)).toBe(false);
    t = { ...t, customerReadAt: at(3) };
    expect(isUnreadFor("CUSTOMER", t)).toBe(false);
    t = { ...t, ...afterMessage("CUSTOMER", at(4)) };
    expect(isUnreadFor("STAFF", t)).toBe(true);
  });

  it("a reply reopens a closed thread", () => {
    expect(afterMessage("CUSTOMER", at(0)).status).toBe("OPEN");
    expect(afterMessage("STAFF", at(0)).status).toBe("OPEN");
  });
});

describe("mayChangeStatus", () => {
  it("closes an open thread and reopens a closed one, nothing else", () => {
    expect(mayChangeStatus("OPEN", "CLOSED")).toBe(true);
    expect(mayChangeStatus("CLOSED", "OPEN")).toBe(true);
    expect(mayChangeStatus("OPEN", "OPEN")).toBe(false);
    expect(mayChangeStatus("CLOSED", "CLOSED")).toBe(false);
  });
});
