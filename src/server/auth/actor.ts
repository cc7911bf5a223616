/** Who performs a use-case, for authorization already done at the edge and for the audit trail. */
export interface StaffActor {
  id: string;
  email: string;
  name: string;
}

/** A customer user acting in the portal, always bound to their own company. */
export interface CustomerActor {
  id: string;
  email: string;
  customerId: string;
}
