import type { TermsAcceptanceDto, TermsVersionSummaryDto } from "@/contracts/portal-rules-views";
import type { LocalisedText } from "@/domain/portal-rules/portal-messages";
import type { Db } from "@/server/db/types";

/** The next version number of a group's terms; the caller holds the group's row lock. */
export async function nextTermsVersion(db: Db, groupId: string): Promise<number> {
  const latest = await db.termsVersion.findFirst({ where: { groupId }, orderBy: { version: "desc" }, select: { version: true } });
  return (latest?.version ?? 0) + 1;
}

export async function insertTermsVersion(db: Db, row: { groupId: string; version: number; body: LocalisedText; publishedById: string; publishedAt: Date }): Promise<string> {
  return (await db.termsVersion.create({ data: row, select: { id: true } })).id;
}

/** Every version of a group's terms, newest first, with how many people accepted each. */
export async function listTermsVersions(db: Db, groupId: string): Promise<TermsVersionSummaryDto[]> {
  const rows = await db.$queryRaw<{ id: string; version: number; published_at: Date; published_by: string | null; accepted: bigint }[]>`
    SELECT v.id::text AS id, v.version, v.published_at, u.email AS published_by,
           (SELECT count(*) FROM terms_acceptances a WHERE a.terms_version_id = v.id) AS accepted
    FROM terms_versions v LEFT JOIN users u ON u.id = v.published_by_id
    WHERE v.group_id = ${groupId}::uuid ORDER BY v.version DESC LIMIT 200`;
  return rows.map((r) => ({ id: r.id, version: r.version, publishedAt: r.published_at, publishedBy: r.published_by, acceptedCount: Number(r.accepted) }));
}

/** Who accepted which version of a group's terms and when, newest first (a bounded page for the back-office). */
export async function listTermsAcceptances(db: Db, groupId: string, limit = 100): Promise<TermsAcceptanceDto[]> {
  const rows = await db.$queryRaw<{ version: number; accepted_at: Date; who: string | null; company: string | null; client_address: string | null; request_name: string | null }[]>`
    SELECT v.version, a.accepted_at, u.email AS who, c.legal_name AS company, a.client_address,
           NULLIF(r.contact_email, '') AS request_name
    FROM terms_acceptances a
    JOIN terms_versions v ON v.id = a.terms_version_id
    LEFT JOIN users u ON u.id = a.user_id
    LEFT JOIN customers c ON c.id = u.customer_id
    LEFT JOIN access_requests r ON r.id = a.access_request_id
    WHERE v.group_id = ${groupId}::uuid
    ORDER BY a.accepted_at DESC, v.version DESC, a.id DESC LIMIT ${limit}`;
  return rows.map((r) => ({ version: r.version, acceptedAt: r.accepted_at, who: r.who ?? r.request_name ?? "—", company: r.company, clientAddress: r.client_address }));
}

/** Records a user's acceptance once: a second click (or a second tab) changes nothing. True when recorded now. */
export async function insertUserAcceptance(db: Db, termsVersionId: string, userId: string, clientAddress: string | null, at: Date): Promise<boolean> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    INSERT INTO terms_acceptances (id, terms_version_id, user_id, accepted_at, client_address)
    VALUES (gen_random_uuid(), ${termsVersionId}::uuid, ${userId}::uuid, ${at}, ${clientAddress})
    ON CONFLICT (terms_version_id, user_id) DO NOTHING RETURNING id::text AS id`;
  return rows.length === 1;
}

/**
 * What the portal guard needs about a customer user in one query: whether their company's group
 * (if any) has the portal, and the group's latest terms with whether this user accepted them.
 */
export async function portalAccessFacts(db: Db, userId: string, customerId: string): Promise<{ grouped: boolean; portalEnabled: boolean; termsVersionId: string | null; accepted: boolean }> {
  const rows = await db.$queryRaw<{ group_id: string | null; portal_enabled: boolean | null; terms_id: string | null; accepted: boolean }[]>`
    SELECT g.id::text AS group_id, g.portal_enabled, t.id::text AS terms_id,
           EXISTS (SELECT 1 FROM terms_acceptances a WHERE a.terms_version_id = t.id AND a.user_id = ${userId}::uuid) AS accepted
    FROM customers c
    LEFT JOIN customer_groups g ON g.id = c.group_id
    LEFT JOIN LATERAL (SELECT id FROM terms_versions v WHERE v.group_id = g.id ORDER BY v.version DESC LIMIT 1) t ON true
    WHERE c.id = ${customerId}::uuid`;
  const r = rows[0];
  return { grouped: !!r?.group_id, portalEnabled: r?.portal_enabled ?? true, termsVersionId: r?.terms_id ?? null, accepted: r?.accepted ?? false };
}

export async function findTermsVersion(db: Db, id: string): Promise<{ id: string; version: number; body: unknown; publishedAt: Date } | null> {
  return db.termsVersion.findUnique({ where: { id }, select: { id: true, version: true, body: true, publishedAt: true } });
}
