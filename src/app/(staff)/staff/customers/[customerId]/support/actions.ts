"use server";

import { revalidatePath } from "next/cache";
import { type ActionState, formFields, toErrorState } from "@/app/_lib/action-state";
import { ZBillSupportTimeInput, ZBuyHourBankInput, ZLogTimeEntryInput } from "@/contracts/support-banks";
import { formatMinutes } from "@/domain/support/duration-format";
import { requireStaff } from "@/server/auth/guards";
import { getDb } from "@/server/db/client";
import { billSupportTime } from "@/server/support/banks/bill-support-time";
import { logTimeEntry } from "@/server/support/banks/log-time-entry";
import { purchaseHourBank } from "@/server/support/banks/purchase-hour-bank";

/** Billing staff sell a customer prepaid hours: one issued invoice, NET 30 (a double submit buys once). */
export async function buyHoursAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const staff = await requireStaff("BILLING");
  try {
    const input = ZBuyHourBankInput.parse(formFields(form));
    const bought = await purchaseHourBank(getDb(), staff, input, new Date());
    revalidatePath(`/staff/customers/${input.customerId}/support`);
    return { status: "ok", values: { number: bought.invoiceNumber, hours: String(bought.hours) } };
  } catch (e) {
    return toErrorState(e, form);
  }
}

/**
 * A technician logs time on a ticket (this form is also mounted on the ticket's page). The answer
 * says what was charged and how it was paid, as the customer's e-mail does.
 */
export async function logTimeAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const staff = await requireStaff("SUPPORT");
  try {
    const input = ZLogTimeEntryInput.parse(formFields(form));
    const logged = await logTimeEntry(getDb(), staff, input, new Date());
    revalidatePath("/staff/customers", "layout");
    revalidatePath(`/staff/support/tickets/${input.ticketId}`);
    return {
      status: "ok",
      values: { charged: formatMinutes(logged.chargedMinutes), bank: formatMinutes(logged.bankMinutes), billable: formatMinutes(logged.billableMinutes) },
    };
  } catch (e) {
    return toErrorState(e, form);
  }
}

/** Bills now the support time no bank covered (what the daily job does after the billing run). */
export async function billSupportTimeAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const staff = await requireStaff("BILLING");
  try {
    const { customerId } = ZBillSupportTimeInput.parse(formFields(form));
    const result = await billSupportTime(getDb(), staff, new Date(), customerId || undefined);
    revalidatePath("/staff/customers", "layout");
    return { status: "ok", values: { count: String(result.invoiceIds.length), withoutRate: String(result.withoutRate.length) } };
  } catch (e) {
    return toErrorState(e, form);
  }
}
