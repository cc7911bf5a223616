import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ContactAction, type ContactManager, contactActionRefusal, contactCapReached } from "./contact-rules";

const owner: ContactManager = { kind: "customer", userId: "o", role: "OWNER" };
const member: ContactManager = { kind: "customer", userId: "m", role: "MEMBER" };
const staff: ContactManager = { kind: "staff" };
const colleague = { id: "c", role: "MEMBER" as const, disabled: false, supportContact: false };

describe("contact rules", () => {
  it("lets the owner and staff manage secondary contacts", () => {
    for (const who of [owner, staff]) {
      expect(contactActionRefusal(who, colleague, "disable")).toBeNull();
      expect(contactActionRefusal(who, colleague, "remove")).toBeNull();
      expect(contactActionRefusal(who, colleague, "makeOwner")).toBeNull();
      expect(contactActionRefusal(who, { ...colleague, disabled: true }, "enable")).toBeNull();
    }
  });

  it("refuses a secondary representative anything, and the owner anything on themselves", () => {
    const actions: ContactAction[] = ["disable", "enable", "remove", "makeOwner"];
    for (const a of actions) {
      expect(contactActionRefusal(member, colleague, a)).toBe("NOT_OWNER");
      expect(contactActionRefusal(owner, { id: "o", role: "OWNER", disabled: false, supportContact: false }, a)).toBe("SELF");
    }
  });

  it("never leaves a company without an active owner", () => {
    const theOwner = { id: "o2", role: "OWNER" as const, disabled: false, supportContact: false };
    expect(contactActionRefusal(staff, theOwner, "disable")).toBe("OWNER_TARGET");
    expect(contactActionRefusal(staff, theOwner, "remove")).toBe("OWNER_TARGET");
    expect(contactActionRefusal(staff, theOwner, "makeOwner")).toBe("ALREADY_OWNER");
    expect(contactActionRefusal(owner, { ...colleague, disabled: true }, "makeOwner")).toBe("DISABLED_TARGET");
    expect(contactActionRefusal(owner, { ...colleague, disabled: true }, "disable")).toBe("ALREADY_DISABLED");
    expect(contactActionRefusal(owner, colleague, "enable")).toBe("NOT_DISABLED");
  });

  it("lets the owner (themselves included) and staff name and revoke support contacts, never a disabled one", () => {
    const self = { id: "o", role: "OWNER" as const, disabled: false, supportContact: false };
    for (const who of [owner, staff]) {
      expect(contactActionRefusal(who, colleague, "authoriseSupport")).toBeNull();
      expect(contactActionRefusal(who, { ...colleague, supportContact: true }, "revokeSupport")).toBeNull();
      expect(contactActionRefusal(who, { ...colleague, supportContact: true }, "authoriseSupport")).toBe("ALREADY_SUPPORT_CONTACT");
      expect(contactActionRefusal(who, colleague, "revokeSupport")).toBe("NOT_SUPPORT_CONTACT");
      expect(contactActionRefusal(who, { ...colleague, disabled: true }, "authoriseSupport")).toBe("DISABLED_TARGET");
      expect(contactActionRefusal(who, { ...colleague, disabled: true, supportContact: true }, "revokeSupport")).toBeNull();
    }
    expect(contactActionRefusal(owner, self, "authoriseSupport")).toBeNull();
    expect(contactActionRefusal(owner, { ...self, supportContact: true }, "revokeSupport")).toBeNull();
    expect(contactActionRefusal(member, colleague, "authoriseSupport")).toBe("NOT_OWNER");
  });

  it("caps active users plus open invitations, never below what exists", () => {
    expect(contactCapReached(null, 50, 50)).toBe(false);
    expect(contactCapReached(4, 3, 0)).toBe(false);
    expect(contactCapReached(4, 3, 1)).toBe(true);
    expect(contactCapReached(4, 4, 0)).toBe(true);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.nat(60), fc.nat(60), (cap, users, open) => {
        expect(contactCapReached(cap, users, open)).toBe(users + open >= cap);
      }),
    );
  });
});
