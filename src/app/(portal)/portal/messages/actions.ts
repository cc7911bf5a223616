"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { type ActionState, formFields, toErrorState } from "@/app/_lib/action-state";
import { receivedFiles } from "@/app/_lib/received-files";
import { ZReplyInput, ZStartThreadInput } from "@/contracts/messages";
import { requireCustomer } from "@/server/auth/guards";
import { getDb } from "@/server/db/client";
import { replyToThread } from "@/server/messages/reply-to-thread";
import { startThread } from "@/server/messages/start-thread";

/** A customer user writes a new message to the billing team; the thread's page then says it was sent. */
export async function startThreadAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const user = await requireCustomer();
  let threadId: string;
  try {
    const input = ZStartThreadInput.parse({ ...formFields(form), attachments: await receivedFiles(form, "attachments") });
    ({ threadId } = await startThread(getDb(), user, input, new Date()));
  } catch (e) {
    return toErrorState(e, form);
  }
  revalidatePath("/portal", "layout");
  redirect(`/portal/messages/${threadId}?sent=1`);
}

/** A customer user replies in one of their company's threads (another company's is NOT_FOUND). */
export async function customerReplyAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const user = await requireCustomer();
  try {
    const input = ZReplyInput.parse({ ...formFields(form), attachments: await receivedFiles(form, "attachments") });
    await replyToThread(getDb(), { side: "CUSTOMER", actor: user }, input, new Date());
    revalidatePath("/portal", "layout");
    return { status: "ok" };
  } catch (e) {
    return toErrorState(e, form);
  }
}
