import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { openStaffTicketAction } from "@/app/(staff)/staff/support/actions";
import { StaffTicketForm } from "@/components/support/TicketForms";
import { buttonClass, Card, Field, inputClass } from "@/components/ui";
import { UUID_RE } from "@/domain/shared/row-ids";
import { requireStaff } from "@/server/auth/guards";
import { getDb } from "@/server/db/client";
import { customerOptions, requesterOptions } from "@/server/support/tickets/ticket-queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("supportTickets");
  return { title: t("newPhoneTicket") };
}

/**
 * A phone call becomes a ticket, in two steps kept in the URL: the caller's company (a plain GET
 * form, works without JavaScript), then who called and what was said, among that company's users.
 */
export default async function NewStaffTicketPage({ searchParams }: { searchParams: Promise<{ customerId?: string }> }) {
  await requireStaff("SUPPORT");
  const asked = (await searchParams).customerId;
  const customers = await customerOptions(getDb());
  const customer = asked && UUID_RE.test(asked) ? customers.find((c) => c.id === asked) : undefined;
  const requesters = customer ? await requesterOptions(getDb(), customer.id) : [];
  const t = await getTranslations("supportTickets");
  return (
    <div className="flex flex-col gap-4">
      <Link href="/staff/support" className="text-sm">
        ← {t("backToQueue")}
      </Link>
      <Card level={1} title={t("newPhoneTicket")}>
        <form method="get" className="flex flex-wrap items-end gap-3" data-testid="ticket-customer-form">
          <div className="min-w-64 flex-1">
            <Field label={t("company")} htmlFor="ticket-customer" error={asked && !customer ? t("unknownCompany") : undefined}>
              <select id="ticket-customer" name="customerId" required defaultValue={customer?.id ?? ""} className={inputClass}>
                <option value="" disabled>
                  {t("chooseCompany")}
                </option>
                {customers.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </Field>
          </div>
          <button type="submit" className={buttonClass}>
            {t("continue")}
          </button>
        </form>
      </Card>
      {customer ? (
        <Card title={t("callFrom", { company: customer.name })}>
          <StaffTicketForm action={openStaffTicketAction} customerId={customer.id} requesters={requesters} />
        </Card>
      ) : null}
    </div>
  );
}
