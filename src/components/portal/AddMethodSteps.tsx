"use client";

import { useTranslations } from "next-intl";
import type { ActionState } from "@/app/_lib/action-state";
import { DemoAuthentication } from "./DemoAuthentication";
import { DemoPaymentForm } from "./DemoPaymentForm";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

/** Saving a method with the demo form; a card that asks for authentication shows the demo 3-D Secure step. */
export function AddMethodSteps({
  saveAction,
  authAction,
  hidden,
  bankAvailable,
}: {
  saveAction: Action;
  authAction: Action;
  hidden: Record<string, string>;
  bankAvailable: boolean;
}) {
  const t = useTranslations("payments.methods");
  return (
    <DemoPaymentForm
      action={saveAction}
      hidden={hidden}
      submitLabel={t("saveSubmit")}
      bankAvailable={bankAvailable}
      saveOption={false}
      testId="demo-setup"
      afterOk={(values) =>
        values.status === "REQUIRES_ACTION" ? (
          <DemoAuthentication action={authAction} hidden={hidden} />
        ) : null
      }
    />
  );
}
