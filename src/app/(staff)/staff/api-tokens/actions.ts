"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { type ActionState, formFields, toErrorState } from "@/app/_lib/action-state";
import { ZApiTokenName } from "@/contracts/api";
import { requireStaff } from "@/server/auth/guards";
import { createApiToken, revokeApiToken } from "@/server/api/manage-api-tokens";
import { getDb } from "@/server/db/client";

export async function createApiTokenAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const admin = await requireStaff("ADMIN");
  try {
    const { name } = z.strictObject({ name: ZApiTokenName }).parse(formFields(form));
    const { token } = await createApiToken(getDb(), admin, name, new Date());
    revalidatePath("/staff/api-tokens");
    return { status: "ok", values: { name, token } };
  } catch (e) {
    return toErrorState(e, form);
  }
}

/** Revoking is final: the page asks first, then says which token stopped working. */
export async function revokeApiTokenAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const admin = await requireStaff("ADMIN");
  try {
    const { tokenId } = z.strictObject({ tokenId: z.string().uuid() }).parse(formFields(form));
    await revokeApiToken(getDb(), admin, tokenId, new Date());
    revalidatePath("/staff/api-tokens");
    return { status: "ok" };
  } catch (e) {
    return toErrorState(e);
  }
}
