"use server";

import { revalidatePath } from "next/cache";
import { type ActionState, formFields, toErrorState } from "@/app/_lib/action-state";
import { receivedFiles } from "@/app/_lib/received-files";
import { ZAssignThreadInput, ZReplyInput, ZThreadStatusInput } from "@/contracts/messages";
import { requestContext, requireStaff } from "@/server/auth/guards";
import { getDb } from "@/server/db/client";
import { assignThread } from "@/server/messages/assign-thread";
import { changeThreadStatus } from "@/server/messages/change-thread-status";
import { replyToThread } from "@/server/messages/reply-to-thread";

export async function staffReplyAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const staff = await requireStaff("BILLING");
  try {
    const input = ZReplyInput.parse({ ...formFields(form), attachments: await receivedFiles(form, "attachments") });
    await replyToThread(getDb(), { side: "STAFF", actor: staff, ctx: await requestContext() }, input, new Date());
    revalidatePath("/staff", "layout");
    return { status: "ok" };
  } catch (e) {
    return toErrorState(e, form);
  }
}

/** Gives the thread to a member of the billing team (or nobody); says to whom. */
export async function assignThreadAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const staff = await requireStaff("BILLING");
  try {
    const { threadId, assigneeId } = ZAssignThreadInput.parse(formFields(form));
    const { assigneeName } = await assignThread(getDb(), staff, threadId, assigneeId, await requestContext(), new Date());
    revalidatePath("/staff", "layout");
    return { status: "ok", values: { assigneeName: assigneeName ?? "" } };
  } catch (e) {
    return toErrorState(e, form);
  }
}

export async function changeThreadStatusAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const staff = await requireStaff("BILLING");
  try {
    const { threadId, status } = ZThreadStatusInput.parse(formFields(form));
    await changeThreadStatus(getDb(), staff, threadId, status, await requestContext(), new Date());
    revalidatePath("/staff", "layout");
    return { status: "ok", values: { status } };
  } catch (e) {
    return toErrorState(e, form);
  }
}
