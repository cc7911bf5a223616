"use server";

import { type ActionState, formFields, toErrorState } from "@/app/_lib/action-state";
import { ZDismissHeldEmailInput, ZReleaseHeldEmailInput } from "@/contracts/inbound-email";
import { requestContext, requireStaff } from "@/server/auth/guards";
import { getDb } from "@/server/db/client";
import { dismissHeldEmail } from "@/server/support/intake/dismiss-held-email";
import { releaseHeldEmail } from "@/server/support/intake/release-held-email";

// No revalidatePath: the form says what happened in place (the page read before stays behind it);
// the list, rendered per request, no longer shows the message.

/** Opens a ticket from a held message for the customer staff chose; says which ticket, for whom. */
export async function releaseHeldEmailAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const staff = await requireStaff("SUPPORT");
  try {
    const input = ZReleaseHeldEmailInput.parse(formFields(form));
    const released = await releaseHeldEmail(getDb(), staff, input, await requestContext(), new Date());
    return { status: "ok", values: { ticketId: released.ticketId, reference: released.reference, customer: released.customerName, sender: released.sender } };
  } catch (e) {
    return toErrorState(e, form);
  }
}

/** Sets a held message aside (spam, a mistake); confirmed first in the browser. */
export async function dismissHeldEmailAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const staff = await requireStaff("SUPPORT");
  try {
    const { emailId } = ZDismissHeldEmailInput.parse(formFields(form));
    await dismissHeldEmail(getDb(), staff, emailId, await requestContext(), new Date());
    return { status: "ok" };
  } catch (e) {
    return toErrorState(e, form);
  }
}
