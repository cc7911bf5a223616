import { DomainError } from "@/domain/shared/domain-error";
import { tierProblem } from "@/domain/support/hour-bank";
import type { THourBankTiersInput } from "@/contracts/support-banks";
import { recordAudit } from "@/server/audit/audit-repository";
import type { StaffActor } from "@/server/auth/actor";
import type { RootDb } from "@/server/db/types";
import { findBankProduct, replaceTiers } from "@/server/support/banks/hour-bank-repository";

/**
 * Billing staff set the volume tiers of an hour-bank product in one currency (all of them at once:
 * the list must start at 1 h and never get dearer). Banks already bought keep the rate they were
 * sold at; an empty list stops selling the product in that currency.
 */
export async function setHourBankTiers(db: RootDb, actor: StaffActor, input: THourBankTiersInput, now: Date): Promise<void> {
  const problem = input.tiers.length === 0 ? null : tierProblem(input.tiers);
  if (problem) throw new DomainError("VALIDATION_FAILED", { field: "tiers", reason: problem });
  await db.$transaction(async (tx) => {
    const product = await findBankProduct(tx, input.productId);
    if (!product) throw new DomainError("NOT_FOUND", { entity: "product", field: "productId" });
    await replaceTiers(tx, product.id, input.currency, input.tiers);
    await recordAudit(tx, {
      action: "hour_bank_tiers.updated",
      actorUserId: actor.id,
      actorEmail: actor.email,
      targetType: "product",
      targetId: product.id,
      details: { currency: input.currency, tiers: input.tiers.map((t) => ({ fromHours: t.fromHours, rateMinor: t.rateMinor })) },
      at: now,
    });
  });
}
