import { generateSecretToken, hashSecretToken } from "@/server/auth/secret-tokens";
import { recordAudit } from "@/server/audit/audit-repository";
import type { StaffActor } from "@/server/auth/actor";
import { DomainError } from "@/domain/shared/domain-error";
import { insertApiToken, revokeApiTokenRow } from "@/server/api/api-token-repository";
import type { RootDb } from "@/server/db/types";

/**
 * Creates a staff API token. The secret is returned once and only its SHA-256 is stored. The token
 * acts with the roles of the admin who created it (checked on every call), or as an admin when made
 * from the shell (`npm run api-token`).
 */
export async function createApiToken(db: RootDb, actor: StaffActor | null, name: string, now: Date): Promise<{ tokenId: string; token: string }> {
  const token = `cpt_${generateSecretToken()}`;
  return db.$transaction(async (tx) => {
    const { id } = await insertApiToken(tx, { name, tokenHash: hashSecretToken(token), prefix: token.slice(0, 8), createdById: actor?.id ?? null, createdAt: now });
    await recordAudit(tx, { action: "api_token.created", actorUserId: actor?.id ?? null, actorEmail: actor?.email ?? "shell", targetType: "api_token", targetId: id, details: { name }, at: now });
    return { tokenId: id, token };
  });
}

export async function revokeApiToken(db: RootDb, actor: StaffActor, tokenId: string, now: Date): Promise<void> {
  await db.$transaction(async (tx) => {
    if (!(await revokeApiTokenRow(tx, tokenId, now))) throw new DomainError("NOT_FOUND", { entity: "api_token" });
    await recordAudit(tx, { action: "api_token.revoked", actorUserId: actor.id, actorEmail: actor.email, targetType: "api_token", targetId: tokenId, at: now });
  });
}
