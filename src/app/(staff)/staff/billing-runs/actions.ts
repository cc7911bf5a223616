"use server";

import { redirect } from "next/navigation";
import { type ActionState, formFields, toErrorState } from "@/app/_lib/action-state";
import { ZStartBillingRunForm } from "@/contracts/billing-runs";
import { calendarDate } from "@/domain/billing/calendar-date";
import { requireStaff } from "@/server/auth/guards";
import { launchBillingRun } from "@/server/billing-runs/launch-billing-run";
import { getDb } from "@/server/db/client";

/** Starts a billing run from the back-office and opens its page, which follows its progress. */
export async function startBillingRunAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const staff = await requireStaff("BILLING");
  let runId: string;
  try {
    const input = ZStartBillingRunForm.parse(formFields(form));
    const run = await launchBillingRun(getDb(), { asOf: calendarDate(input.asOf), dryRun: input.dryRun, requestedBy: staff.email }, new Date());
    runId = run.id;
  } catch (e) {
    return toErrorState(e, form);
  }
  redirect(`/staff/billing-runs/${runId}`);
}
