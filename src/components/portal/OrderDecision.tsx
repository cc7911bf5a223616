"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { decidePurchaseOrderAction } from "@/app/(portal)/portal/orders/[orderId]/actions";
import { idle } from "@/app/_lib/action-state-idle";
import { useErrorText } from "@/components/auth/use-error-text";
import { Alert, buttonClass, Card, secondaryButtonClass } from "@/components/ui";

/** On success the page re-renders with the order decided (and, once accepted, its invoice link). */

export function OrderDecision({ orderId }: { orderId: string }) {
  const t = useTranslations("orders");
  const errorText = useErrorText();
  const [state, action, pending] = useActionState(decidePurchaseOrderAction, idle);
  return (
    <Card>
      <form action={action} className="flex flex-wrap items-center gap-3" data-testid="order-decision">
        <input type="hidden" name="orderId" value={orderId} />
        <button type="submit" name="decision" value="accept" disabled={pending || state.status === "ok"} className={buttonClass}>
          {t("accept")}
        </button>
        <button type="submit" name="decision" value="decline" disabled={pending || state.status === "ok"} className={secondaryButtonClass}>
          {t("decline")}
        </button>
        {state.status === "error" ? <Alert tone="error">{errorText(state.code)}</Alert> : null}
      </form>
    </Card>
  );
}
