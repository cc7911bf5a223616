"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { type ActionState, formFields, toErrorState } from "@/app/_lib/action-state";
import { ZCreditNoteInput, ZCreateDraftInvoiceInput, ZRecordPaymentInput } from "@/contracts/billing";
import { ZCreditNoteForm, ZDraftInvoiceForm, ZPaymentForm } from "@/contracts/billing-forms";
import { requireStaff } from "@/server/auth/guards";
import { createCreditNote } from "@/server/billing/create-credit-note";
import { createDraftInvoice } from "@/server/billing/create-draft-invoice";
import { deleteDraftInvoice } from "@/server/billing/delete-draft-invoice";
import { updateDraftInvoice } from "@/server/billing/update-draft-invoice";
import { issueInvoice } from "@/server/billing/issue-invoice";
import { recordPayment } from "@/server/billing/record-payment";
import { voidInvoice } from "@/server/billing/void-invoice";
import { getDb } from "@/server/db/client";

const ZInvoiceRef = z.object({ invoiceId: z.string().uuid() });
const invoiceIdOf = (form: FormData) => ZInvoiceRef.parse({ invoiceId: form.get("invoiceId") }).invoiceId;
const withoutRef = (form: FormData) => {
  const { invoiceId: _ignored, ...rest } = formFields(form);
  return rest;
};

export async function createDraftInvoiceAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const staff = await requireStaff("BILLING");
  let invoiceId: string;
  try {
    const input = ZCreateDraftInvoiceInput.parse(ZDraftInvoiceForm.parse(formFields(form)));
    ({ invoiceId } = await createDraftInvoice(getDb(), staff, input, new Date()));
  } catch (e) {
    return toErrorState(e);
  }
  redirect(`/staff/invoices/${invoiceId}`);
}

/** Saves a draft as the form shows it (lines and notes replaced as a whole). */
export async function updateDraftInvoiceAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const staff = await requireStaff("BILLING");
  let invoiceId: string;
  try {
    invoiceId = invoiceIdOf(form);
    const { lines, notes } = ZCreateDraftInvoiceInput.parse(ZDraftInvoiceForm.parse(withoutRef(form)));
    await updateDraftInvoice(getDb(), staff, invoiceId, { lines, notes }, new Date());
  } catch (e) {
    return toErrorState(e);
  }
  revalidatePath(`/staff/invoices/${invoiceId}`);
  redirect(`/staff/invoices/${invoiceId}?saved=1`);
}

/** Deletes a draft (confirmed in the page) and goes back to its customer. */
export async function deleteDraftInvoiceAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const staff = await requireStaff("BILLING");
  let customerId: string;
  try {
    ({ customerId } = await deleteDraftInvoice(getDb(), staff, invoiceIdOf(form), new Date()));
  } catch (e) {
    return toErrorState(e);
  }
  redirect(`/staff/customers/${customerId}?draftDeleted=1`);
}

export async function issueInvoiceAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const staff = await requireStaff("BILLING");
  try {
    const invoiceId = invoiceIdOf(form);
    const { number } = await issueInvoice(getDb(), staff, invoiceId, new Date());
    revalidatePath(`/staff/invoices/${invoiceId}`);
    return { status: "ok", values: { number } };
  } catch (e) {
    return toErrorState(e);
  }
}

export async function recordPaymentAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const staff = await requireStaff("BILLING");
  try {
    const invoiceId = invoiceIdOf(form);
    const input = ZRecordPaymentInput.parse(ZPaymentForm.parse(withoutRef(form)));
    const { invoiceStatus, reinstatements } = await recordPayment(getDb(), staff, invoiceId, input, new Date());
    revalidatePath(`/staff/invoices/${invoiceId}`);
    return { status: "ok", values: { invoiceStatus, reinstatements: String(reinstatements) } };
  } catch (e) {
    return toErrorState(e);
  }
}

export async function createCreditNoteAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const staff = await requireStaff("BILLING");
  try {
    const invoiceId = invoiceIdOf(form);
    const input = ZCreditNoteInput.parse(ZCreditNoteForm.parse(withoutRef(form)));
    const { number } = await createCreditNote(getDb(), staff, invoiceId, input, new Date());
    revalidatePath(`/staff/invoices/${invoiceId}`);
    return { status: "ok", values: { number } };
  } catch (e) {
    return toErrorState(e);
  }
}

export async function voidInvoiceAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const staff = await requireStaff("BILLING");
  try {
    const invoiceId = invoiceIdOf(form);
    const { reason } = z.object({ reason: z.string().trim().min(1).max(500) }).parse(withoutRef(form));
    await voidInvoice(getDb(), staff, invoiceId, reason, new Date());
    revalidatePath(`/staff/invoices/${invoiceId}`);
    return { status: "ok" };
  } catch (e) {
    return toErrorState(e);
  }
}
