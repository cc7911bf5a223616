import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { HeldEmailActions } from "@/components/support/HeldEmailActions";
import { HeldEmailDecision, HeldEmailMessage } from "@/components/support/HeldEmailViews";
import { Card } from "@/components/ui";
import { searchParamsToObject } from "@/contracts/invoice-list-query";
import { ZHeldEmailSearch } from "@/contracts/inbound-email";
import { UUID_RE } from "@/domain/shared/row-ids";
import { requireStaff } from "@/server/auth/guards";
import { getDb } from "@/server/db/client";
import { customerChoicesFor, heldEmailDetail } from "@/server/support/intake/held-email-queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("supportInbox");
  return { title: t("title") };
}

/**
 * One inbound e-mail. Held: its text beside the two decisions (open a ticket for a customer found by
 * the sender's company, their domain or a name search kept in the URL; or dismiss). Decided: what was done.
 */
export default async function HeldEmailPage({ params, searchParams }: { params: Promise<{ emailId: string }>; searchParams: Promise<Record<string, string | string[]>> }) {
  await requireStaff("SUPPORT");
  const { emailId } = await params;
  if (!UUID_RE.test(emailId)) notFound();
  const db = getDb();
  const email = await heldEmailDetail(db, emailId);
  if (!email) notFound();
  const { q } = ZHeldEmailSearch.parse(searchParamsToObject(await searchParams));
  const held = email.outcome === "HELD";
  const choices = held ? await customerChoicesFor(db, email, q) : [];
  const t = await getTranslations("supportInbox");
  return (
    <div className="flex flex-col gap-4">
      <Link href="/staff/support/inbox" className="text-sm">
        ← {t("back")}
      </Link>
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <Card level={1} title={email.subject || t("noSubject")}>
          <HeldEmailMessage email={email} />
        </Card>
        <aside className="min-w-0">
          <Card>
            {/* Keyed by the search: a new list of companies starts with the same default choice. */}
            {held ? <HeldEmailActions key={q} email={email} choices={choices} search={q} /> : <HeldEmailDecision email={email} />}
          </Card>
        </aside>
      </div>
    </div>
  );
}
