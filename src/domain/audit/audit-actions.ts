/**
 * Every action the audit log records, as stored in audit_events.action (some are built: the second
 * factor checks add .failed / .refused / .succeeded, subscription changes add their event). Each has a message
 * `auditActions.<action>` in every language (the catalogue test checks it); an action missing from
 * this list still shows, as its raw key.
 */
export const AUDIT_ACTIONS = [
  "access_request.approved",
  "access_request.rejected",
  "access_request.started",
  "access_request.submitted",
  "api_token.created",
  "api_token.revoked",
  "auth.password.changed",
  "contact.disabled",
  "contact.enabled",
  "contact.owner_changed",
  "contact.removed",
  "contact.support_authorised",
  "contact.support_revoked",
  "auth.password_reset.completed",
  "auth.password_reset.requested",
  "auth.recovery_codes.regenerated",
  "auth.second_factor.device_remembered",
  "auth.second_factor.remembered_device",
  "auth.second_factor.failed",
  "auth.second_factor.refused",
  "auth.second_factor.succeeded",
  "auth.sign_in.failed",
  "auth.sign_in.password_accepted",
  "auth.sign_in.refused",
  "auth.sign_in.succeeded",
  "auth.totp.disabled",
  "auth.totp.enabled",
  "auth.totp.enrolment_started",
  "auth.totp.enrolment.failed",
  "auth.totp.enrolment.refused",
  "auth.totp.enrolment.succeeded",
  "company_settings.updated",
  "credit_note.created",
  "customer.billing_email_change_requested",
  "customer.billing_email_changed",
  "customer.company_info_updated",
  "customer.created",
  "customer_group.billing_updated",
  "customer_group.created",
  "customer_group.portal_updated",
  "customer_group.renamed",
  "customer_group.terms_published",
  "customer.group_changed",
  "customer.updated",
  "invitation.accepted",
  "invitation.created",
  "invitation.resent",
  "invitation.revoked",
  "invoice.created",
  "invoice.draft_deleted",
  "invoice.draft_updated",
  "invoice.issued",
  "invoice.voided",
  "message_thread.assigned",
  "message_thread.closed",
  "message_thread.reopened",
  "message_thread.replied",
  "payment.recorded",
  "payment.refunded",
  "payment.unallocated",
  "payment_method.default_set",
  "payment_method.removed",
  "product.created",
  "portal_terms.accepted",
  "auth.sign_in.portal_disabled",
  "purchase_order.accepted",
  "purchase_order.created",
  "purchase_order.declined",
  "purchase_order.sent",
  "refund.unallocated",
  "site.created",
  "staff.created",
  "staff.roles_changed",
  "subscription.created",
  "subscription.suspend",
  "subscription.reinstate",
  "subscription.terminate",
  "subscription.cancel",
  "support_inbound_email.dismissed",
  "support_inbound_email.released",
  "support_settings.updated",
  // Support tickets (issue 18)
  "support_ticket.assigned",
  "support_ticket.closed",
  "support_ticket.opened",
  "support_ticket.reopened",
  "support_ticket.replied",
  "webhook_delivery.replayed",
  "webhook_endpoint.created",
  "webhook_endpoint.disabled",
  "webhook_endpoint.enabled",
  "webhook_endpoint.secret_revealed",
  "webhook_endpoint.secret_rotated",
  "user.profile_updated",
  // Support hour banks (issue 18)
  "hour_bank.purchased",
  "hour_bank_tiers.updated",
  "support_time.logged",
  "support_time.billed",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const isKnownAuditAction = (action: string): action is AuditAction => (AUDIT_ACTIONS as readonly string[]).includes(action);

/**
 * Where a target of the audit log is shown in the back-office; null when it has no page of its own
 * (then the event's customer page, when it has one). Paths only: the page decides the link.
 */
export function auditTargetHref(targetType: string | null, targetId: string | null, customerId: string | null): string | null {
  const id = targetId ? encodeURIComponent(targetId) : null;
  switch (targetType) {
    case "invoice":
      return id && `/staff/invoices/${id}`;
    case "customer_group":
      return id && `/staff/groups/${id}`;
    case "customer":
      return id && `/staff/customers/${id}`;
    case "credit_note":
      return id && `/staff/credit-notes/${id}`;
    case "purchase_order":
      return id && `/staff/orders/${id}`;
    case "message_thread":
      return id && `/staff/messages/${id}`;
    case "inbound_email":
      return id && `/staff/support/inbox/${id}`;
    case "support_ticket":
      return id && `/staff/support/tickets/${id}`;
    case "payment":
      return customerId ? `/staff/payments?customerId=${encodeURIComponent(customerId)}` : "/staff/payments";
    case "api_token":
      return "/staff/api-tokens";
    case "access_request":
      return id && `/staff/access-requests/${id}`;
    case "support_settings":
      return "/staff/settings/support";
    case "company_settings":
      return "/staff/settings/company";
    case "product":
      return "/staff/catalogue";
    case "hour_bank":
      return customerId ? `/staff/customers/${encodeURIComponent(customerId)}/support` : null;
    case "user":
      return customerId ? `/staff/customers/${encodeURIComponent(customerId)}` : "/staff/team";
    default:
      return customerId ? `/staff/customers/${encodeURIComponent(customerId)}` : null;
  }
}
