import { getFormatter, getTranslations } from "next-intl/server";
import { ApiTokenForm, ApiTokenRevoke } from "@/components/staff/ApiTokenForm";
import { Card, Table, Td } from "@/components/ui";
import { requireStaff } from "@/server/auth/guards";
import { listApiTokens } from "@/server/api/api-token-repository";
import { getDb } from "@/server/db/client";

export default async function ApiTokensPage() {
  await requireStaff("ADMIN");
  const tokens = await listApiTokens(getDb());
  const t = await getTranslations("apiTokens");
  const format = await getFormatter();
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeStyle: "short" }) : t("never"));
  return (
    <Card level={1} title={t("title")}>
      <p className="mb-4 text-sm text-slate-600">{t("intro")}</p>
      <ApiTokenForm />
      <Table headers={[t("name"), t("prefix"), t("created"), t("lastUsed"), ""]}>
        {tokens.map((tk) => (
          <tr key={tk.id} data-testid="api-token-row">
            <Td>{tk.name}</Td>
            <Td className="font-mono text-xs">{tk.prefix}…</Td>
            <Td>{when(tk.createdAt)}</Td>
            <Td>{when(tk.lastUsedAt)}</Td>
            <Td>
              <ApiTokenRevoke tokenId={tk.id} name={tk.name} revoked={tk.revokedAt !== null} />
            </Td>
          </tr>
        ))}
      </Table>
    </Card>
  );
}
