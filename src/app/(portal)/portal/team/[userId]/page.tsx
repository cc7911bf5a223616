import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { Card } from "@/components/ui";
import { requireCustomer } from "@/server/auth/guards";
import { getDb } from "@/server/db/client";
import { findCompanyUser } from "@/server/users/user-repository";

export default async function TeamMemberPage({ params }: { params: Promise<{ userId: string }> }) {
  const user = await requireCustomer();
  const parsed = z.string().uuid().safeParse((await params).userId);
  if (!parsed.success) notFound();
  // Scoped to the caller's company: someone else's colleague is simply "not found".
  const person = await findCompanyUser(getDb(), user.customerId, parsed.data);
  if (!person) notFound();
  const t = await getTranslations();
  const format = await getFormatter();
  return (
    <Card level={1} title={person.name}>
      <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
        <dt className="text-slate-500">{t("portal.team.email")}</dt>
        <dd data-testid="member-email">{person.email}</dd>
        <dt className="text-slate-500">{t("portal.team.role")}</dt>
        <dd>{t(`common.roles.${person.role}`)}</dd>
        <dt className="text-slate-500">{t("portal.team.since")}</dt>
        <dd>{format.dateTime(person.createdAt, { dateStyle: "long" })}</dd>
      </dl>
      <p className="mt-4 text-sm">
        <Link href="/portal/team">{t("common.back")}</Link>
      </p>
    </Card>
  );
}
