"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { sendPurchaseOrderAction } from "@/app/(staff)/staff/orders/actions";
import { idle } from "@/app/_lib/action-state-idle";
import { useErrorText } from "@/components/auth/use-error-text";
import { Alert, buttonClass, Card } from "@/components/ui";

export function SendOrderButton({ orderId }: { orderId: string }) {
  const t = useTranslations("orders");
  const errorText = useErrorText();
  const [state, action, pending] = useActionState(sendPurchaseOrderAction, idle);
  return (
    <Card>
      <form action={action} className="flex items-center gap-3">
        <input type="hidden" name="orderId" value={orderId} />
        <button type="submit" disabled={pending || state.status === "ok"} className={buttonClass} data-testid="send-order">
          {t("send")}
        </button>
        {state.status === "ok" ? <Alert tone="success">{t("sent")}</Alert> : null}
        {state.status === "error" ? <Alert tone="error">{errorText(state.code)}</Alert> : null}
      </form>
    </Card>
  );
}
