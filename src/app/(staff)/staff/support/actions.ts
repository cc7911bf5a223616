"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { type ActionState, formFields, toErrorState } from "@/app/_lib/action-state";
import { ZAssignTicketInput, ZOpenStaffTicketInput, ZTicketIdInput, ZTicketReplyInput } from "@/contracts/support-tickets";
import { requestContext, requireStaff } from "@/server/auth/guards";
import { getDb } from "@/server/db/client";
import { assignTicket } from "@/server/support/tickets/assign-ticket";
import { closeTicket } from "@/server/support/tickets/close-ticket";
import { openStaffTicket } from "@/server/support/tickets/open-staff-ticket";
import { reopenTicket } from "@/server/support/tickets/reopen-ticket";
import { replyToTicket } from "@/server/support/tickets/reply-to-ticket";

// Support tickets in the back-office: support staff and admins (requireStaff lets admins through).

/** A phone call becomes a ticket; its page then says so, with the reference and deadline. */
export async function openStaffTicketAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const staff = await requireStaff("SUPPORT");
  let ticketId: string;
  try {
    const input = ZOpenStaffTicketInput.parse(formFields(form));
    ({ ticketId } = await openStaffTicket(getDb(), staff, input, await requestContext(), new Date()));
  } catch (e) {
    return toErrorState(e, form);
  }
  revalidatePath("/staff", "layout");
  redirect(`/staff/support/tickets/${ticketId}?opened=1`);
}

export async function staffTicketReplyAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const staff = await requireStaff("SUPPORT");
  try {
    const input = ZTicketReplyInput.parse(formFields(form));
    await replyToTicket(getDb(), { side: "STAFF", actor: staff, ctx: await requestContext() }, input, new Date());
    revalidatePath("/staff", "layout");
    return { status: "ok" };
  } catch (e) {
    return toErrorState(e, form);
  }
}

/** Gives the ticket to a support technician (or nobody); says to whom. */
export async function assignTicketAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const staff = await requireStaff("SUPPORT");
  try {
    const { ticketId, assigneeId } = ZAssignTicketInput.parse(formFields(form));
    const { assigneeName } = await assignTicket(getDb(), staff, ticketId, assigneeId, await requestContext(), new Date());
    revalidatePath("/staff", "layout");
    return { status: "ok", values: { assigneeName: assigneeName ?? "" } };
  } catch (e) {
    return toErrorState(e, form);
  }
}

/** Closes the ticket and says to whom the satisfaction survey went. */
export async function closeTicketAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const staff = await requireStaff("SUPPORT");
  try {
    const { ticketId } = ZTicketIdInput.parse(formFields(form));
    const { surveySentTo } = await closeTicket(getDb(), staff, ticketId, await requestContext(), new Date());
    revalidatePath("/staff", "layout");
    return { status: "ok", values: { surveySentTo } };
  } catch (e) {
    return toErrorState(e, form);
  }
}

export async function reopenTicketAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const staff = await requireStaff("SUPPORT");
  try {
    const { ticketId } = ZTicketIdInput.parse(formFields(form));
    await reopenTicket(getDb(), staff, ticketId, await requestContext(), new Date());
    revalidatePath("/staff", "layout");
    return { status: "ok" };
  } catch (e) {
    return toErrorState(e, form);
  }
}
