"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { type ActionState, formFields, toErrorState } from "@/app/_lib/action-state";
import { requestContext, requireCustomerSession } from "@/server/auth/guards";
import { acceptTerms } from "@/server/customer-groups/accept-terms";
import { getDb } from "@/server/db/client";

/** The signed-in customer user accepts the terms version the page showed them, then goes to the portal. */
export async function acceptTermsAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const user = await requireCustomerSession();
  try {
    const termsVersionId = z.string().uuid().parse(formFields(form).termsVersionId);
    const ctx = await requestContext();
    await acceptTerms(getDb(), { id: user.id, email: user.email, customerId: user.customerId }, termsVersionId, ctx.ip, new Date());
  } catch (e) {
    return toErrorState(e);
  }
  redirect("/portal");
}
