import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { CursorNav } from "@/components/lists/ListControls";
import { WebhookActiveToggle, WebhookReplay, WebhookSecret } from "@/components/staff/WebhookForms";
import { Alert, Badge, Card, Table, Td } from "@/components/ui";
import { searchParamsToObject } from "@/contracts/invoice-list-query";
import { pageRequest, ZListCursor } from "@/contracts/list-cursor";
import { pageLinks } from "@/domain/shared/cursor-page";
import { requireStaff } from "@/server/auth/guards";
import { getDb } from "@/server/db/client";
import { findWebhookEndpoint, listWebhookDeliveries } from "@/server/webhooks/webhook-repository";

const PAGE_SIZE = 25;

/** One endpoint: its secret, enable/disable, and its delivery log, newest first, with Replay. */
export default async function WebhookEndpointPage({
  params,
  searchParams,
}: {
  params: Promise<{ endpointId: string }>;
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  await requireStaff("ADMIN");
  const id = z.uuid().safeParse((await params).endpointId);
  if (!id.success) notFound();
  const query = searchParamsToObject(await searchParams);
  const cursor = ZListCursor.parse(query);
  const db = getDb();
  const [endpoint, page] = await Promise.all([
    findWebhookEndpoint(db, id.data),
    listWebhookDeliveries(db, id.data, pageRequest(cursor, PAGE_SIZE)),
  ]);
  if (!endpoint) notFound();
  const t = await getTranslations("webhooks");
  const format = await getFormatter();
  const when = (d: Date | null) =>
    d ? format.dateTime(d, { dateStyle: "short", timeStyle: "medium" }) : "—";
  return (
    <div className="flex flex-col gap-4">
      <Card
        level={1}
        title={endpoint.url}
        actions={<Badge>{endpoint.active ? t("active") : t("disabled")}</Badge>}
      >
        <p className="mb-3 text-sm">
          <Link href="/staff/settings/webhooks">{t("back")}</Link>
        </p>
        {query.created === "1" ? (
          <Alert tone="success" testId="webhook-created">
            {t("createdNotice")}
          </Alert>
        ) : null}
        <dl className="my-4 grid grid-cols-[auto_1fr] gap-x-6 gap-y-1 text-sm">
          <dt className="text-slate-500">{t("description")}</dt>
          <dd>{endpoint.description || "—"}</dd>
          <dt className="text-slate-500">{t("events")}</dt>
          <dd>
            {endpoint.eventTypes.length === 0
              ? t("allEvents")
              : endpoint.eventTypes.map((type) => t(`types.${type}`)).join(", ")}
          </dd>
          <dt className="text-slate-500">{t("created")}</dt>
          <dd>{when(endpoint.createdAt)}</dd>
        </dl>
        <WebhookActiveToggle endpointId={endpoint.id} active={endpoint.active} />
      </Card>
      <Card title={t("secret")}>
        {endpoint.secretRotatedAt ? (
          <p className="mb-2 text-sm text-slate-600">
            {t("rotatedAt", { when: when(endpoint.secretRotatedAt) })}
          </p>
        ) : null}
        <WebhookSecret endpointId={endpoint.id} url={endpoint.url} />
      </Card>
      <Card title={t("deliveries")}>
        <Table
          headers={[
            t("created"),
            t("event"),
            t("status"),
            t("attempts"),
            t("lastAnswer"),
            t("nextAttempt"),
            "",
          ]}
          empty={page.items.length === 0 ? t("noDeliveries") : undefined}
        >
          {page.items.map((d) => (
            <tr key={d.id} data-testid="webhook-delivery-row">
              <Td className="whitespace-nowrap">{when(d.createdAt)}</Td>
              <Td>
                {t(`types.${d.eventType}`)}
                <code className="block text-xs text-slate-500">evt_{d.eventId}</code>
              </Td>
              <Td>
                <Badge>{t(`statuses.${d.status}`)}</Badge>
              </Td>
              <Td>{d.attempts}</Td>
              <Td className="break-all">{d.lastStatusCode ?? d.lastError ?? "—"}</Td>
              <Td className="whitespace-nowrap">{d.status === "PENDING" ? when(d.nextAttemptAt) : "—"}</Td>
              <Td>
                {endpoint.active ? (
                  <WebhookReplay
                    endpointId={endpoint.id}
                    deliveryId={d.id}
                    event={`evt_${d.eventId}`}
                    type={d.eventType}
                    url={endpoint.url}
                  />
                ) : null}
              </Td>
            </tr>
          ))}
        </Table>
        <CursorNav links={pageLinks(page, (d) => d.id)} params={{}} />
      </Card>
    </div>
  );
}
