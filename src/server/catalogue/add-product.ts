import { DomainError } from "@/domain/shared/domain-error";
import type { TCreateProductInput } from "@/contracts/billing";
import { recordAudit } from "@/server/audit/audit-repository";
import type { StaffActor } from "@/server/auth/actor";
import { minorToDb } from "@/server/billing/ledger-values";
import { createProduct, productCodeTaken } from "@/server/catalogue/catalogue-repository";
import type { RootDb } from "@/server/db/types";

/** Adds a product and its prices (one per cycle and currency) to the catalogue. */
export async function addProduct(db: RootDb, actor: StaffActor, input: TCreateProductInput, now: Date): Promise<{ productId: string }> {
  return db.$transaction(async (tx) => {
    if (await productCodeTaken(tx, input.code)) throw new DomainError("VALIDATION_FAILED", { field: "code", reason: "CODE_TAKEN" });
    const { id } = await createProduct(tx, { ...input, prices: input.prices.map((p) => ({ ...p, unitAmountMinor: minorToDb(p.unitAmountMinor) })) });
    await recordAudit(tx, { action: "product.created", actorUserId: actor.id, actorEmail: actor.email, targetType: "product", targetId: id, details: { code: input.code }, at: now });
    return { productId: id };
  });
}
