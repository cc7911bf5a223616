// The life of an access request: a draft is edited until submitted; billing staff then approve
// (an invitation goes out) or reject it (with a reason). Decisions are final.
export const ACCESS_REQUEST_STATUSES = ["DRAFT", "SUBMITTED", "APPROVED", "REJECTED"] as const;
export type AccessRequestStatus = (typeof ACCESS_REQUEST_STATUSES)[number];

const TRANSITIONS: Record<AccessRequestStatus, readonly AccessRequestStatus[]> = {
  DRAFT: ["SUBMITTED"],
  SUBMITTED: ["APPROVED", "REJECTED"],
  APPROVED: [],
  REJECTED: [],
};

export function mayTransition(from: AccessRequestStatus, to: AccessRequestStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Only a draft may be edited by the representative. */
export const isEditable = (status: AccessRequestStatus): boolean => status === "DRAFT";

export const REJECTION_REASON_MAX = 1000;

/** Requests started from one client address per hour before the form refuses more (bot protection). */
export const ACCESS_REQUEST_RATE = { perAddress: 5, windowMs: 60 * 60 * 1000 } as const;

export function accessRequestsThrottled(startedInWindow: number, policy: { perAddress: number } = ACCESS_REQUEST_RATE): boolean {
  return startedInWindow >= policy.perAddress;
}
