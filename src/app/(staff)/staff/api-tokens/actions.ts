"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { type ActionState, toErrorState } from "@/app/_lib/action-state";
import { ZApiTokenName } from "@/contracts/api";
import { requireStaff } from "@/server/auth/guards";
import { createApiToken, revokeApiToken } from "@/server/api/manage-api-tokens";
import { getDb } from "@/server/db/client";

export async function createApiTokenAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const admin = await requireStaff("ADMIN");
  try {
    const name = ZApiTokenName.parse(form.get("name"));
    const { token } = await createApiToken(getDb(), admin, name, new Date());
    revalidatePath("/staff/api-tokens");
    return { status: "ok", values: { token } };
  } catch (e) {
    return toErrorState(e);
  }
}

export async function revokeApiTokenAction(form: FormData): Promise<void> {
  const admin = await requireStaff("ADMIN");
  const { tokenId } = z.object({ tokenId: z.string().uuid() }).parse({ tokenId: form.get("tokenId") });
  await revokeApiToken(getDb(), admin, tokenId, new Date());
  revalidatePath("/staff/api-tokens");
}
