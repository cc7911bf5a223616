import type { ContactView } from "@/contracts/contacts";
import { contactCapacity, listContacts } from "@/server/contacts/contact-repository";
import type { Db } from "@/server/db/types";
import { getSupportSettings } from "@/server/support/get-support-settings";
import { listCustomerInvitations } from "@/server/invitations/invitation-repository";

export interface TeamView {
  contacts: ContactView[];
  /** Invitations whose link still works (accepted, revoked and expired ones are history). */
  openInvitations: { id: string; email: string; createdAt: string; expiresAt: string | null }[];
  cap: number | null;
  /** What counts against the cap: active contacts and open invitations. */
  counted: number;
  ownerName: string | null;
  /** Authorised support contacts and the desk's cap (issue 18). */
  supportCap: { count: number; cap: number };
}

/** A company's team: its contacts, the invitations still open and the group's cap. */
export async function getTeam(db: Db, customerId: string, now: Date): Promise<TeamView> {
  const [contacts, invitations, capacity, support] = await Promise.all([
    listContacts(db, customerId),
    listCustomerInvitations(db, customerId, now),
    contactCapacity(db, customerId, now),
    getSupportSettings(db),
  ]);
  return {
    contacts: contacts.map((c) => ({ id: c.id, name: c.name, email: c.email, role: c.role, disabled: c.disabled, supportContact: c.supportContact, createdAt: c.createdAt.toISOString() })),
    openInvitations: invitations
      .filter((i) => i.status === "PENDING")
      .map((i) => ({ id: i.id, email: i.email, createdAt: i.createdAt.toISOString(), expiresAt: i.expiresAt?.toISOString() ?? null })),
    cap: capacity.cap,
    counted: capacity.activeUsers + capacity.openInvitations,
    supportCap: { count: contacts.filter((c) => c.supportContact && !c.disabled).length, cap: support.maxSupportContacts },
    ownerName: contacts.find((c) => c.role === "OWNER" && !c.disabled)?.name ?? null,
  };
}
