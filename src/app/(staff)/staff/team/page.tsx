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
      <Table headers={[t("portal.team.name"), t("portal.team.email"), t("portal.team.role")]}>
        {staff.map((s) => (
          <tr key={s.id} data-testid="staff-row">
            <Td>{s.name}</Td>
            <Td>{s.email}</Td>
            <Td>
              <StaffRolesForm userId={s.id} roles={s.staffRoles} />
            </Td>
          </tr>
        ))}
      </Table>
    </Card>
  );
}
