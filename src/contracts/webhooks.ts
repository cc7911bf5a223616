import { z } from "zod";
import { WEBHOOK_EVENT_TYPE_LIST, type WebhookEventType } from "@/domain/webhooks/event-types";
import { MAX_WEBHOOK_URL_LENGTH, webhookUrlProblem } from "@/domain/webhooks/webhook-url";

/** An endpoint URL, with the reason it is refused as the field's code (NOT_A_URL, URL_SCHEME…). */
export const ZWebhookUrl = z
  .string()
  .trim()
  .min(1)
  .max(MAX_WEBHOOK_URL_LENGTH)
  .superRefine((v, ctx) => {
    const problem = webhookUrlProblem(v);
    if (problem)
      ctx.addIssue({ code: "custom", message: `not a webhook URL (${problem})`, params: { code: problem } });
  });

export const ZWebhookEventType = z.enum(WEBHOOK_EVENT_TYPE_LIST as [WebhookEventType, ...WebhookEventType[]]);

/** A new endpoint: its URL, a note for admins, and the event types it wants (none: every type). */
export const ZCreateWebhookEndpointInput = z.strictObject({
  url: ZWebhookUrl,
  description: z.string().trim().max(200).default(""),
  eventTypes: z.array(ZWebhookEventType).max(WEBHOOK_EVENT_TYPE_LIST.length),
});
export type TCreateWebhookEndpointInput = z.infer<typeof ZCreateWebhookEndpointInput>;

/** The endpoint form posts one checkbox per type, named `event.<type>`. */
export const WEBHOOK_EVENT_FIELD_PREFIX = "event.";

/**
 * The form's fields as the create input: checkboxes gathered into `eventTypes`. An unknown
 * `event.*` name is kept as is, so the schema refuses it (nobody but a forged form sends one).
 */
export function webhookEndpointFormInput(fields: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const eventTypes: string[] = [];
  for (const [k, v] of Object.entries(fields)) {
    if (k.startsWith(WEBHOOK_EVENT_FIELD_PREFIX)) {
      if (v === "on") eventTypes.push(k.slice(WEBHOOK_EVENT_FIELD_PREFIX.length));
    } else out[k] = v;
  }
  return { ...out, eventTypes };
}

export const ZWebhookEndpointId = z.strictObject({ endpointId: z.uuid() });
export const ZWebhookEndpointActive = z.strictObject({
  endpointId: z.uuid(),
  active: z.enum(["true", "false"]).transform((v) => v === "true"),
});
export const ZReplayWebhookDelivery = z.strictObject({ endpointId: z.uuid(), deliveryId: z.uuid() });

export type WebhookDeliveryStatusName = "PENDING" | "SUCCEEDED" | "FAILED";

/** What the back-office shows of an endpoint: never its secret (that is revealed on request). */
export interface WebhookEndpointDto {
  id: string;
  url: string;
  description: string;
  eventTypes: string[];
  active: boolean;
  createdAt: Date;
  secretRotatedAt: Date | null;
}

export interface WebhookDeliveryDto {
  id: string;
  eventId: string;
  eventType: string;
  status: WebhookDeliveryStatusName;
  attempts: number;
  replays: number;
  createdAt: Date;
  lastAttemptAt: Date | null;
  nextAttemptAt: Date | null;
  lastStatusCode: number | null;
  lastError: string | null;
}
