import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CursorNav } from "@/components/lists/ListControls";
import { HeldEmailList } from "@/components/support/HeldEmailViews";
import { Card } from "@/components/ui";
import { searchParamsToObject } from "@/contracts/invoice-list-query";
import { pageRequest, ZListCursor } from "@/contracts/list-cursor";
import { pageLinks } from "@/domain/shared/cursor-page";
import { requireStaff } from "@/server/auth/guards";
import { getDb } from "@/server/db/client";
import { heldEmailPage } from "@/server/support/intake/held-email-queries";

const PAGE_SIZE = 25;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("supportInbox");
  return { title: t("title") };
}

/** E-mails to the support desk that opened nothing (unknown or unauthorised senders, robots), for staff to decide. */
export default async function HeldEmailsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  await requireStaff("SUPPORT");
  const cursor = ZListCursor.parse(searchParamsToObject(await searchParams));
  const page = await heldEmailPage(getDb(), pageRequest(cursor, PAGE_SIZE));
  const t = await getTranslations("supportInbox");
  return (
    <Card level={1} title={t("title")}>
      <p className="mb-4 text-sm text-slate-600">{t("intro")}</p>
      <HeldEmailList emails={page.items} />
      <CursorNav links={pageLinks(page, (e) => e.id)} params={{}} />
    </Card>
  );
}
