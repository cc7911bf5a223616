"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { type ActionState, toErrorState } from "@/app/_lib/action-state";
import { STAFF_ROLES } from "@/domain/auth/roles";
import { requireStaff } from "@/server/auth/guards";
import { getDb } from "@/server/db/client";
import { updateStaffRoles } from "@/server/users/update-staff-roles";

const ZRolesForm = z.object({ userId: z.string().uuid(), roles: z.array(z.enum(STAFF_ROLES)) });

export async function updateStaffRolesAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const admin = await requireStaff("ADMIN");
  try {
    const input = ZRolesForm.parse({ userId: form.get("userId"), roles: form.getAll("roles") });
    await updateStaffRoles(getDb(), admin, input.userId, input.roles, new Date());
    revalidatePath("/staff/team");
    return { status: "ok" };
  } catch (e) {
    return toErrorState(e);
  }
}
