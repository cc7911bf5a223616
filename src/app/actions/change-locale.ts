"use server";

import { cookies } from "next/headers";
import { ZChangeLocaleInput } from "@/contracts/auth";
import { LOCALE_COOKIE } from "@/i18n/request";
import { currentUser } from "@/server/auth/guards";
import { getDb } from "@/server/db/client";
import { updateUserLocale } from "@/server/users/user-repository";

/**
 * Anyone may pick the language of this browser; a signed-in user's choice is also saved on the
 * account, so e-mails and other devices follow it.
 */
export async function changeLocale(locale: unknown): Promise<{ ok: true } | { ok: false; code: "VALIDATION_FAILED" }> {
  // Anyone can post anything to an action: an unknown locale is refused, not a 500.
  const parsed = ZChangeLocaleInput.safeParse({ locale });
  if (!parsed.success) return { ok: false, code: "VALIDATION_FAILED" };
  const input = parsed.data;
  (await cookies()).set(LOCALE_COOKIE, input.locale, { path: "/", sameSite: "lax", maxAge: 60 * 60 * 24 * 365 });
  const user = await currentUser();
  if (user) await updateUserLocale(getDb(), user.id, input.locale);
  return { ok: true };
}
