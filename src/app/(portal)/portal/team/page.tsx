import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { changeContactAction } from "@/app/(portal)/portal/team/actions";
import { TeamTable } from "@/components/contacts/TeamTable";
import { InviteForm } from "@/components/contacts/InviteForm";
import { Card } from "@/components/ui";
import { isLocale } from "@/domain/i18n/locales";
import { requireCustomer } from "@/server/auth/guards";
import { getTeam } from "@/server/contacts/get-team";
import { getDb } from "@/server/db/client";

/** The company's team: its representatives and, for its primary one, inviting and managing them. */
export default async function TeamPage() {
  const user = await requireCustomer();
  const t = await getTranslations();
  const format = await getFormatter();
  const locale = await getLocale();
  const team = await getTeam(getDb(), user.customerId, new Date());
  const isOwner = team.contacts.some((c) => c.id === user.id && c.role === "OWNER" && !c.disabled);
  const full = team.cap !== null && team.counted >= team.cap;
  return (
    <div className="flex flex-col gap-4">
      <Card level={1} title={t("portal.team.title")}>
        <p className="mb-2 text-sm text-slate-600">{t("portal.team.intro", { companyName: user.customerName })}</p>
        {team.cap !== null ? (
          <p className="mb-4 text-sm text-slate-600" data-testid="contact-cap">
            {t("contacts.cap", { count: team.counted, cap: team.cap })}
          </p>
        ) : null}
        {!isOwner && team.ownerName ? <p className="mb-4 text-sm text-slate-600">{t("contacts.onlyOwner", { owner: team.ownerName })}</p> : null}
        <TeamTable contacts={team.contacts} action={changeContactAction} canManage={isOwner} selfId={user.id} memberHrefPrefix="/portal/team/" supportCap={team.supportCap} />
      </Card>
      {isOwner ? (
        <Card title={t("contacts.inviteTitle")}>
          <p className="mb-4 text-sm text-slate-600">{t("contacts.inviteIntro")}</p>
          {full ? <p className="mb-4 text-sm font-medium text-amber-800">{t("errors.CONTACT_CAP_REACHED")}</p> : null}
          <InviteForm defaultLocale={isLocale(locale) ? locale : "en"} />
          <h3 className="mt-6 mb-2 text-sm font-semibold">{t("contacts.invitations")}</h3>
          {team.openInvitations.length === 0 ? (
            <p className="text-sm text-slate-500">{t("contacts.noInvitations")}</p>
          ) : (
            <ul className="flex flex-col gap-1 text-sm" data-testid="open-invitations">
              {team.openInvitations.map((i) => (
                <li key={i.id}>
                  {i.email} · {t("contacts.sentAt")} {format.dateTime(new Date(i.createdAt), { dateStyle: "medium" })}
                </li>
              ))}
            </ul>
          )}
        </Card>
      ) : null}
    </div>
  );
}
