import { getFormatter, getTranslations } from "next-intl/server";
import { ApiTokenForm } from "@/components/staff/ApiTokenForm";
import { Card, secondaryButtonClass, Table, Td } from "@/components/ui";
import { requireStaff } from "@/server/auth/guards";
import { listApiTokens } from "@/server/api/api-token-repository";
import { getDb } from "@/server/db/client";
import { revokeApiTokenAction } from "./actions";

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
              {tk.revokedAt ? (
                t("revoked")
              ) : (
                <form action={revokeApiTokenAction}>
                  <input type="hidden" name="tokenId" value={tk.id} />
                  <button type="submit" className={secondaryButtonClass}>
                    {t("revoke")}
                  </button>
                </form>
              )}
            </Td>
          </tr>
        ))}
      </Table>
    </Card>
  );
}
