import type { ActionState } from "@/app/_lib/action-state";
import { isDomainError } from "@/domain/shared/domain-error";

/** A refused team change says which rule refused it (`errors.CONTACT_SELF`…), not just "not allowed". */
export function contactRefusalState(e: unknown): ActionState | null {
  if (!isDomainError(e) || e.code !== "CONTACT_ACTION_REFUSED") return null;
  const reason = e.details?.reason;
  return { status: "error", code: typeof reason === "string" ? `CONTACT_${reason}` : e.code };
}
