"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { sendPurchaseOrderAction } from "@/app/(staff)/staff/orders/actions";
import { idle } from "@/app/_lib/action-state-idle";
import { ConfirmSubmit } from "@/components/ConfirmDialog";
import { ActionOutcome } from "@/components/staff/ActionOutcome";
import { Card } from "@/components/ui";

/**
 * Sending cannot be taken back (the customer may accept at once), so the button asks first. It stays
 * mounted when the page reloads with the order sent, to say so; a sent order shows nothing here.
 */
export function SendOrderButton({ orderId, number, customerName, draft }: { orderId: string; number: string; customerName: string; draft: boolean }) {
  const t = useTranslations("orders");
  const [state, action, pending] = useActionState(sendPurchaseOrderAction, idle);
  if (!draft && state.status === "idle") return null;
  return (
    <Card>
      <form action={action} className="flex flex-wrap items-center gap-3">
        <input type="hidden" name="orderId" value={orderId} />
        {state.status === "ok" || !draft ? null : (
          <ConfirmSubmit label={t("send")} summary={t("confirmSend", { number, customer: customerName })} confirmLabel={t("confirmSendButton")} disabled={pending} testId="send-order" />
        )}
        <ActionOutcome state={state} success={t("sent")} />
      </form>
    </Card>
  );
}
