"use server";

import { revalidatePath } from "next/cache";
import { type ActionState, formFields, toErrorState } from "@/app/_lib/action-state";
import { contactRefusalState } from "@/app/_lib/contact-refusal";
import { ZContactChange, ZInviteColleague } from "@/contracts/contacts";
import { requestContext, requireCustomer } from "@/server/auth/guards";
import { changeContact } from "@/server/contacts/change-contact";
import { inviteColleague } from "@/server/contacts/invite-colleague";
import { getDb } from "@/server/db/client";

/** The owner invites a secondary representative (the role and the company are never taken from the form). */
export async function inviteColleagueAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const user = await requireCustomer();
  try {
    const input = ZInviteColleague.parse(formFields(form));
    await inviteColleague(getDb(), user, input, await requestContext(), new Date());
    revalidatePath("/portal/team");
    return { status: "ok", values: { email: input.email } };
  } catch (e) {
    return contactRefusalState(e) ?? toErrorState(e, form);
  }
}

/** Disable, re-enable, remove or make owner: one of the caller's own company's contacts. */
export async function changeContactAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const user = await requireCustomer();
  try {
    const input = ZContactChange.parse(formFields(form));
    const changer = { kind: "customer" as const, id: user.id, email: user.email, customerId: user.customerId };
    const target = await changeContact(getDb(), changer, user.customerId, input.userId, input.action, await requestContext(), new Date());
    revalidatePath("/portal/team");
    return { status: "ok", values: { action: input.action, name: target.name } };
  } catch (e) {
    return contactRefusalState(e) ?? toErrorState(e);
  }
}
