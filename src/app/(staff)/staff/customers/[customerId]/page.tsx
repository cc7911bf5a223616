import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import Link from "next/link";
import { InvoiceTable } from "@/components/billing/InvoiceTable";
import { OrderTable } from "@/components/billing/OrderViews";
import { SubscriptionTable } from "@/components/billing/SubscriptionTable";
import { SiteForm, SubscriptionForm } from "@/components/staff/CustomerQuickForms";
import { changeCustomerContactAction } from "@/app/(staff)/staff/customers/[customerId]/actions";
import { TeamTable } from "@/components/contacts/TeamTable";
import { InvitationActions } from "@/components/staff/InvitationActions";
import { InviteForm } from "@/components/contacts/InviteForm";
import { Alert, Badge, Card, Table, Td } from "@/components/ui";
import { staffMayAct } from "@/domain/auth/roles";
import { isLocale } from "@/domain/i18n/locales";
import { requireStaff } from "@/server/auth/guards";
import { findCustomerSummary } from "@/server/customers/customer-repository";
import { listContacts } from "@/server/contacts/contact-repository";
import { getDb } from "@/server/db/client";
import { listInvoices } from "@/server/billing/invoice-list";
import { customerToday, listSites } from "@/server/customers/customer-repository";
import { listProducts } from "@/server/catalogue/catalogue-repository";
import { listPurchaseOrders } from "@/server/orders/purchase-order-repository";
import { listCustomerSubscriptions } from "@/server/subscriptions/subscription-repository";
import { listCustomerInvitations } from "@/server/invitations/invitation-repository";
import { getSupportSettings } from "@/server/support/get-support-settings";

export default async function CustomerPage({ params, searchParams }: { params: Promise<{ customerId: string }>; searchParams: Promise<Record<string, string | string[]>> }) {
  const draftDeleted = (await searchParams).draftDeleted === "1";
  const staff = await requireStaff("BILLING", "SUPPORT");
  const id = z.string().uuid().safeParse((await params).customerId);
  if (!id.success) notFound();
  const db = getDb();
  const customer = await findCustomerSummary(db, id.data);
  if (!customer) notFound();
  const [users, invitations, invoices, today, subscriptions, orders, sites, products, support] = await Promise.all([
    listContacts(db, customer.id),
    listCustomerInvitations(db, customer.id, new Date()),
    listInvoices(db, { staff: true }, { customerId: customer.id }, { limit: 10 }),
    customerToday(db, customer.id, new Date()),
    listCustomerSubscriptions(db, customer.id),
    listPurchaseOrders(db, customer.id, { includeDrafts: true }),
    listSites(db, customer.id),
    listProducts(db, { activeOnly: true }),
    getSupportSettings(db),
  ]);
  const recurring = products
    .filter((p) => p.kind !== "ONE_OFF")
    .map((p) => ({ id: p.id, name: p.name, cycles: p.prices.filter((pr) => pr.currency === customer.currency && pr.cycle).map((pr) => pr.cycle as string) }));
  const t = await getTranslations();
  const format = await getFormatter();
  const canBill = staffMayAct(staff.staffRoles, ["BILLING"]);
  return (
    <>
      {draftDeleted ? <Alert tone="success" testId="draft-deleted">{t("billing.draftDeleted")}</Alert> : null}
      <div>
        <h1 data-testid="customer-name">{customer.legalName}</h1>
        <p className="text-sm text-slate-600">
          {customer.billingEmail}
          {canBill ? (
            <>
              {" · "}
              <Link href={`/staff/customers/${customer.id}/edit`}>{t("customerForm.edit")}</Link>
            </>
          ) : null}
          {" · "}
          <Link href={`/staff/customers/${customer.id}/support`} data-testid="customer-support-link">
            {t("supportBanks.staff.link")}
          </Link>
        </p>
      </div>
      <Card
        title={t("billing.invoices")}
        actions={
          <span className="flex gap-4 text-sm">
            <Link href={`/staff/invoices?customerId=${customer.id}`}>{t("billing.invoices")}</Link>
            {canBill ? (
              <Link href={`/staff/invoices/new?customerId=${customer.id}`} data-testid="new-invoice">
                {t("billing.actions.newInvoice")}
              </Link>
            ) : null}
          </span>
        }
      >
        <InvoiceTable rows={invoices.items} hrefBase="/staff/invoices" today={today} />
      </Card>
      <Card title={t("subscriptions.title")}>
        <SubscriptionTable rows={subscriptions} href={(id) => `/staff/subscriptions/${id}`} />
        {canBill ? <SubscriptionForm customerId={customer.id} products={recurring} sites={sites} today={today} /> : null}
      </Card>
      <Card
        title={t("orders.title")}
        actions={
          canBill ? (
            <Link href={`/staff/orders/new?customerId=${customer.id}`} className="text-sm" data-testid="new-order">
              {t("orders.new")}
            </Link>
          ) : null
        }
      >
        <OrderTable rows={orders} hrefBase="/staff/orders" viewer="staff" />
      </Card>
      <Card title={t("sites.title")}>
        {sites.length === 0 ? <p className="text-sm text-slate-500">{t("sites.none")}</p> : null}
        {sites.map((site) => (
          <p key={site.id} className="text-sm" data-testid="site-row">
            <span className="font-medium">{site.name}</span> <span className="text-slate-500">{site.addressLines.join(", ")}</span>
          </p>
        ))}
        {canBill ? <SiteForm customerId={customer.id} /> : null}
      </Card>
      <Card title={t("staff.customer.users")}>
        <TeamTable
          contacts={users.map((u) => ({ id: u.id, name: u.name, email: u.email, role: u.role, disabled: u.disabled, supportContact: u.supportContact, createdAt: u.createdAt.toISOString() }))}
          action={changeCustomerContactAction}
          canManage={canBill}
          customerId={customer.id}
          supportCap={{ count: users.filter((u) => u.supportContact && !u.disabled).length, cap: support.maxSupportContacts }}
        />
      </Card>
      <Card title={t("staff.customer.invitations")}>
        <Table
          headers={[t("portal.team.email"), t("portal.team.role"), t("staff.customer.status"), t("staff.customer.expires"), ""]}
          empty={invitations.length === 0 ? t("staff.customer.noInvitations") : undefined}
        >
          {invitations.map((inv) => (
            <tr key={inv.id} data-testid="invitation-row">
              <Td>{inv.email}</Td>
              <Td>{t(`common.roles.${inv.role}`)}</Td>
              <Td>
                <Badge>{t(`staff.customer.statuses.${inv.status}`)}</Badge>
              </Td>
              <Td>{inv.expiresAt && inv.status === "PENDING" ? format.dateTime(inv.expiresAt, { dateStyle: "medium", timeStyle: "short" }) : ""}</Td>
              <Td>{canBill && inv.status !== "ACCEPTED" ? <InvitationActions customerId={customer.id} invitationId={inv.id} email={inv.email} open={inv.status !== "REVOKED"} /> : null}</Td>
            </tr>
          ))}
        </Table>
      </Card>
      {canBill ? (
        <Card title={t("staff.customer.invite")}>
          <InviteForm customerId={customer.id} defaultLocale={isLocale(customer.locale) ? customer.locale : "en"} />
        </Card>
      ) : null}
    </>
  );
}
