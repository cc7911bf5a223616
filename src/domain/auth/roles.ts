export const STAFF_ROLES = ["ADMIN", "BILLING", "SUPPORT"] as const;
export type StaffRoleName = (typeof STAFF_ROLES)[number];
export const CUSTOMER_ROLES = ["OWNER", "MEMBER"] as const;
export type CustomerRoleName = (typeof CUSTOMER_ROLES)[number];

/**
 * Admins may do everything any staff role may do (they configure the system and stand in for
 * colleagues); other roles grant only their own area.
 */
export function staffMayAct(held: readonly StaffRoleName[], needed: readonly StaffRoleName[]): boolean {
  if (held.includes("ADMIN")) return true;
  return needed.some((role) => held.includes(role));
}
