"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { type ActionState, formFields, toErrorState } from "@/app/_lib/action-state";
import { ZOpenPortalTicketInput, ZTicketReplyInput } from "@/contracts/support-tickets";
import { requireCustomer } from "@/server/auth/guards";
import { getDb } from "@/server/db/client";
import { openPortalTicket } from "@/server/support/tickets/open-portal-ticket";
import { replyToTicket } from "@/server/support/tickets/reply-to-ticket";

/** A customer user opens a ticket for their company; its page then shows the reference and the promised response time. */
export async function openTicketAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const user = await requireCustomer();
  let ticketId: string;
  try {
    const input = ZOpenPortalTicketInput.parse(formFields(form));
    ({ ticketId } = await openPortalTicket(getDb(), user, input, new Date()));
  } catch (e) {
    return toErrorState(e, form);
  }
  revalidatePath("/portal", "layout");
  redirect(`/portal/support/tickets/${ticketId}?opened=1`);
}

/** A customer user replies on one of their company's tickets (another company's is NOT_FOUND). */
export async function customerTicketReplyAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const user = await requireCustomer();
  try {
    const input = ZTicketReplyInput.parse(formFields(form));
    await replyToTicket(getDb(), { side: "CUSTOMER", actor: user }, input, new Date());
    revalidatePath("/portal", "layout");
    return { status: "ok" };
  } catch (e) {
    return toErrorState(e, form);
  }
}
