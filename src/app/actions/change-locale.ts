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
export async function changeLocale(locale: string): Promise<void> {
  const input = ZChangeLocaleInput.parse({ locale });
  (await cookies()).set(LOCALE_COOKIE, input.locale, { path: "/", sameSite: "lax", maxAge: 60 * 60 * 24 * 365 });
  const user = await currentUser();
  if (user) await updateUserLocale(getDb(), user.id, input.locale);
}
