// Who may do what to a company's contacts (issue 17). A company has one primary representative (its
// OWNER) and secondary ones (MEMBERs). The owner, or billing staff, invite, disable, re-enable and
// remove contacts and hand over the owner role; nobody can leave the company without an owner.
import type { CustomerRoleName } from "../auth/roles";

export type ContactAction = "disable" | "enable" | "remove" | "makeOwner" | "authoriseSupport" | "revokeSupport";

export interface ContactState {
  id: string;
  role: CustomerRoleName;
  disabled: boolean;
  /** An authorised support contact: their e-mails to the support desk open tickets (issue 18). */
  supportContact: boolean;
}

/** Who acts: the company's own user (with their role), or staff. */
export type ContactManager = { kind: "customer"; userId: string; role: CustomerRoleName } | { kind: "staff" };

export type ContactRefusal =
  | "NOT_OWNER" // a secondary representative manages nobody
  | "SELF" // nobody disables, removes or promotes themselves
  | "OWNER_TARGET" // the owner is neither disabled nor removed: hand the role over first
  | "ALREADY_DISABLED"
  | "NOT_DISABLED"
  | "ALREADY_OWNER"
  | "DISABLED_TARGET" // a disabled contact cannot become the owner, nor a support contact
  | "ALREADY_SUPPORT_CONTACT"
  | "NOT_SUPPORT_CONTACT";

/** Why `manager` may not apply `action` to `target`, or null when allowed. */
export function contactActionRefusal(manager: ContactManager, target: ContactState, action: ContactAction): ContactRefusal | null {
  if (manager.kind === "customer") {
    if (manager.role !== "OWNER") return "NOT_OWNER";
    // Owners name the support contacts, themselves included; the rest never applies to oneself.
    if (manager.userId === target.id && action !== "authoriseSupport" && action !== "revokeSupport") return "SELF";
  }
  switch (action) {
    case "disable":
      if (target.role === "OWNER") return "OWNER_TARGET";
      return target.disabled ? "ALREADY_DISABLED" : null;
    case "enable":
      return target.disabled ? null : "NOT_DISABLED";
    case "remove":
      return target.role === "OWNER" ? "OWNER_TARGET" : null;
    case "makeOwner":
      if (target.role === "OWNER") return "ALREADY_OWNER";
      return target.disabled ? "DISABLED_TARGET" : null;
    case "authoriseSupport":
      if (target.supportContact) return "ALREADY_SUPPORT_CONTACT";
      return target.disabled ? "DISABLED_TARGET" : null;
    case "revokeSupport":
      return target.supportContact ? null : "NOT_SUPPORT_CONTACT";
  }
}

/**
 * Whether one more contact fits under the group's cap: active users plus invitations still open
 * count (an invitation becomes a user); disabled users do not (they cannot act). `cap` null: none.
 */
export function contactCapReached(cap: number | null, activeUsers: number, openInvitations: number): boolean {
  return cap !== null && activeUsers + openInvitations >= cap;
}

