import { getTranslations } from "next-intl/server";
import { StaffRolesForm } from "@/components/staff/StaffRolesForm";
import { Card, Table, Td } from "@/components/ui";
import { requireStaff } from "@/server/auth/guards";
import { getDb } from "@/server/db/client";
import { listStaff } from "@/server/users/user-repository";

export default async function StaffTeamPage() {
  await requireStaff("ADMIN");
  const staff = await listStaff(getDb());
  const t = await getTranslations();
  return (
    <Card level={1} title={t("staffTeam.title")}>
      <p className="mb-4 text-sm text-slate-600">{t("staffTeam.intro")}</p>
      {/* On a phone the e-mail goes under the name, leaving room for the roles. */}
      <Table headers={[t("portal.team.name"), { label: t("portal.team.email"), className: "hidden md:table-cell" }, t("portal.team.role")]}>
        {staff.map((s) => (
          <tr key={s.id} data-testid="staff-row">
            <Td>
              {s.name}
              <span className="block break-all text-xs text-slate-500 md:hidden">{s.email}</span>
            </Td>
            <Td className="hidden md:table-cell">{s.email}</Td>
            <Td>
              <StaffRolesForm userId={s.id} name={s.name} roles={s.staffRoles} />
            </Td>
          </tr>
        ))}
      </Table>
    </Card>
  );
}
