"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { type ActionState, formFields, toErrorState } from "@/app/_lib/action-state";
import {
  webhookEndpointFormInput,
  ZCreateWebhookEndpointInput,
  ZReplayWebhookDelivery,
  ZWebhookEndpointActive,
  ZWebhookEndpointId,
} from "@/contracts/webhooks";
import { requireStaff } from "@/server/auth/guards";
import { getDb } from "@/server/db/client";
import { createWebhookEndpoint } from "@/server/webhooks/create-webhook-endpoint";
import { replayWebhookDelivery } from "@/server/webhooks/replay-webhook-delivery";
import { revealWebhookSecret } from "@/server/webhooks/reveal-webhook-secret";
import { rotateWebhookSecret } from "@/server/webhooks/rotate-webhook-secret";
import { setWebhookEndpointActive } from "@/server/webhooks/set-webhook-endpoint-active";

const PAGE = "/staff/settings/webhooks";

/** Adds an endpoint, then opens its page, where its secret is shown. */
export async function createWebhookEndpointAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const admin = await requireStaff("ADMIN");
  let endpointId: string;
  try {
    const input = ZCreateWebhookEndpointInput.parse(webhookEndpointFormInput(formFields(form)));
    ({ endpointId } = await createWebhookEndpoint(getDb(), admin, input, new Date()));
  } catch (e) {
    return toErrorState(e, form);
  }
  revalidatePath(PAGE);
  redirect(`${PAGE}/${endpointId}?created=1`);
}

/** The secret comes back in the answer only (the field is named `secret`, never echoed by error states). */
export async function revealWebhookSecretAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const admin = await requireStaff("ADMIN");
  try {
    const { endpointId } = ZWebhookEndpointId.parse(formFields(form));
    const { secret } = await revealWebhookSecret(getDb(), admin, endpointId, new Date());
    return { status: "ok", values: { secret } };
  } catch (e) {
    return toErrorState(e);
  }
}

export async function rotateWebhookSecretAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const admin = await requireStaff("ADMIN");
  try {
    const { endpointId } = ZWebhookEndpointId.parse(formFields(form));
    const { secret } = await rotateWebhookSecret(getDb(), admin, endpointId, new Date());
    revalidatePath(`${PAGE}/${endpointId}`);
    return { status: "ok", values: { secret } };
  } catch (e) {
    return toErrorState(e);
  }
}

export async function setWebhookEndpointActiveAction(
  _prev: ActionState,
  form: FormData,
): Promise<ActionState> {
  const admin = await requireStaff("ADMIN");
  try {
    const { endpointId, active } = ZWebhookEndpointActive.parse(formFields(form));
    await setWebhookEndpointActive(getDb(), admin, endpointId, active, new Date());
    revalidatePath(PAGE);
    revalidatePath(`${PAGE}/${endpointId}`);
    return { status: "ok", values: { active: String(active) } };
  } catch (e) {
    return toErrorState(e);
  }
}

/** Sends the delivery again now and says how the receiver answered. */
export async function replayWebhookDeliveryAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const admin = await requireStaff("ADMIN");
  try {
    const { endpointId, deliveryId } = ZReplayWebhookDelivery.parse(formFields(form));
    const r = await replayWebhookDelivery(getDb(), admin, endpointId, deliveryId, () => new Date());
    revalidatePath(`${PAGE}/${endpointId}`);
    return {
      status: "ok",
      values: { outcome: r.outcome, statusCode: r.statusCode === null ? "" : String(r.statusCode) },
    };
  } catch (e) {
    return toErrorState(e);
  }
}
