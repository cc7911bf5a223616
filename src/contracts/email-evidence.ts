import { z } from "zod";

/**
 * What an outbox e-mail carries besides its bodies: references, rendered when it is delivered (an
 * invoice PDF is printed from the invoice at that moment, never stored as bytes in the outbox).
 */
export const ZEmailAttachment = z.object({
  kind: z.literal("INVOICE_PDF"),
  invoiceId: z.uuid(),
  filename: z.string().min(1).max(200),
});
export type TEmailAttachment = z.infer<typeof ZEmailAttachment>;
export const ZEmailAttachments = z.array(ZEmailAttachment);

/** Attachments as stored (jsonb): anything unreadable shows as none rather than failing a page. */
export function attachmentsOf(value: unknown): TEmailAttachment[] {
  const parsed = ZEmailAttachments.safeParse(value);
  return parsed.success ? parsed.data : [];
}

/** The evidence of one e-mail, as the outbox pages and the invoice timeline show it. */
export interface EmailEvidenceDto {
  id: string;
  template: string;
  subject: string;
  toAddress: string;
  status: "PENDING" | "SENT" | "CAPTURED" | "FAILED";
  createdAt: Date;
  /** When the SMTP server accepted it (our "delivered", ADR 0017); null while pending or captured. */
  deliveredAt: Date | null;
  smtpResponse: string | null;
  firstOpenedAt: Date | null;
  opens: number;
  firstClickedAt: Date | null;
  clicks: number;
  attachments: TEmailAttachment[];
}
