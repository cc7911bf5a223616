"use server";

import { revalidatePath } from "next/cache";
import { type ActionState, formFields, toErrorState } from "@/app/_lib/action-state";
import { contactRefusalState } from "@/app/_lib/contact-refusal";
import { ZInvitationRef, ZInviteCustomerUserInput } from "@/contracts/auth";
import { ZStaffContactChange } from "@/contracts/contacts";
import { requestContext, requireStaff } from "@/server/auth/guards";
import { changeContact } from "@/server/contacts/change-contact";
import { getDb } from "@/server/db/client";
import { inviteCustomerUser } from "@/server/invitations/invite-customer-user";
import { resendInvitation } from "@/server/invitations/resend-invitation";
import { revokeInvitation } from "@/server/invitations/revoke-invitation";

export async function inviteCustomerUserAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const staff = await requireStaff("BILLING");
  try {
    const input = ZInviteCustomerUserInput.parse(formFields(form));
    await inviteCustomerUser(getDb(), staff, input, await requestContext(), new Date());
    revalidatePath(`/staff/customers/${input.customerId}`);
    return { status: "ok", values: { email: input.email } };
  } catch (e) {
    return toErrorState(e, form);
  }
}

export async function resendInvitationAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const staff = await requireStaff("BILLING");
  try {
    const ref = ZInvitationRef.parse(formFields(form));
    await resendInvitation(getDb(), staff, ref.customerId, ref.invitationId, await requestContext(), new Date());
    revalidatePath(`/staff/customers/${ref.customerId}`);
    return { status: "ok", values: { done: "resent" } };
  } catch (e) {
    return toErrorState(e, form);
  }
}

export async function revokeInvitationAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const staff = await requireStaff("BILLING");
  try {
    const ref = ZInvitationRef.parse(formFields(form));
    await revokeInvitation(getDb(), staff, ref.customerId, ref.invitationId, await requestContext(), new Date());
    revalidatePath(`/staff/customers/${ref.customerId}`);
    return { status: "ok", values: { done: "revoked" } };
  } catch (e) {
    return toErrorState(e, form);
  }
}

/** Billing staff disable, re-enable or remove a contact of the company, or make them its owner. */
export async function changeCustomerContactAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const staff = await requireStaff("BILLING");
  try {
    const input = ZStaffContactChange.parse(formFields(form));
    const target = await changeContact(getDb(), { kind: "staff", id: staff.id, email: staff.email }, input.customerId, input.userId, input.action, await requestContext(), new Date());
    revalidatePath(`/staff/customers/${input.customerId}`);
    return { status: "ok", values: { action: input.action, name: target.name } };
  } catch (e) {
    return contactRefusalState(e) ?? toErrorState(e);
  }
}
