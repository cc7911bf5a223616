"use client";

import type { ActionState } from "@/app/_lib/action-state";
import { useErrorText } from "@/components/auth/use-error-text";
import { Alert } from "@/components/ui";

/** What an action did ("Credit note AV2026-000003 issued."), or why it did nothing. */
export function ActionOutcome({ state, success }: { state: ActionState; success: string }) {
  const errorText = useErrorText();
  if (state.status === "ok") return <Alert tone="success" testId="action-ok">{success}</Alert>;
  if (state.status === "error") return <Alert tone="error" testId="action-error">{errorText(state.code)}</Alert>;
  return null;
}
