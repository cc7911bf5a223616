import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { WebhookEndpointForm } from "@/components/staff/WebhookForms";
import { Badge, Card, Table, Td } from "@/components/ui";
import { requireStaff } from "@/server/auth/guards";
import { getDb } from "@/server/db/client";
import { listWebhookEndpoints } from "@/server/webhooks/webhook-repository";

/** Settings → Webhooks: where billing events are sent (admins only, ADR 0016). */
export default async function WebhooksPage() {
  await requireStaff("ADMIN");
  const endpoints = await listWebhookEndpoints(getDb());
  const t = await getTranslations("webhooks");
  const format = await getFormatter();
  return (
    <div className="flex flex-col gap-4">
      <Card level={1} title={t("title")}>
        <p className="mb-4 text-sm text-slate-600">{t("intro")}</p>
        <Table
          headers={[t("url"), t("events"), t("status"), t("created")]}
          empty={endpoints.length === 0 ? t("none") : undefined}
        >
          {endpoints.map((e) => (
            <tr key={e.id} data-testid="webhook-endpoint-row">
              <Td className="break-all">
                <Link href={`/staff/settings/webhooks/${e.id}`}>{e.url}</Link>
                {e.description ? <span className="block text-xs text-slate-500">{e.description}</span> : null}
              </Td>
              <Td>
                {e.eventTypes.length === 0
                  ? t("allEvents")
                  : e.eventTypes.map((type) => t(`types.${type}`)).join(", ")}
              </Td>
              <Td>
                <Badge>{e.active ? t("active") : t("disabled")}</Badge>
              </Td>
              <Td className="whitespace-nowrap">{format.dateTime(e.createdAt, { dateStyle: "medium" })}</Td>
            </tr>
          ))}
        </Table>
      </Card>
      <Card title={t("newEndpoint")}>
        <WebhookEndpointForm />
      </Card>
    </div>
  );
}
