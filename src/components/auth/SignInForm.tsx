"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { Alert, buttonClass, Field, inputClass } from "@/components/ui";

/**
 * E-mail and password, then, for staff with two-factor authentication, a second step asking for the
 * code: no session exists until the code is accepted (the password is sent again with it).
 */
export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("auth.signIn");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [credentials, setCredentials] = useState<{ email: string; password: string } | null>(null);

  async function attempt(fields: { email: string; password: string; code?: string; remember?: string }) {
    setPending(true);
    setError(null);
    const res = await signIn("credentials", { ...fields, redirect: false });
    if (!res || res.error) {
      setPending(false);
      if (res?.error === "TOTP_REQUIRED") {
        setCredentials({ email: fields.email, password: fields.password });
        return;
      }
      setError(res?.error === "SIGN_IN_THROTTLED" ? t("throttled") : res?.error === "TOTP_INVALID" ? t("codeInvalid") : res?.error === "PORTAL_DISABLED" ? t("portalDisabled") : t("invalid"));
      return;
    }
    router.push(callbackUrl);
    router.refresh();
  }

  async function onPassword(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    await attempt({ email: String(form.get("email") ?? ""), password: String(form.get("password") ?? "") });
  }

  async function onCode(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!credentials) return;
    const form = new FormData(e.currentTarget);
    await attempt({ ...credentials, code: String(form.get("code") ?? ""), remember: form.get("remember") ? "1" : "" });
  }

  const errorAlert = error ? (
    <Alert tone="error" testId="signin-error">
      {error}
    </Alert>
  ) : null;

  if (credentials) {
    // Keyed apart from the password form, so React never reuses the password input for the code.
    return (
      <form key="code" method="post" onSubmit={onCode} className="flex flex-col gap-4" data-testid="signin-code-form">
        <p>{t("codeIntro")}</p>
        <Field label={t("codeLabel")} htmlFor="code" hint={t("codeHint")}>
          <input id="code" name="code" autoComplete="one-time-code" required maxLength={20} className={inputClass} />
        </Field>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="remember" value="1" /> {t("remember")}
        </label>
        {errorAlert}
        <button type="submit" disabled={pending} className={buttonClass}>
          {pending ? t("submitting") : t("verify")}
        </button>
      </form>
    );
  }

  // method="post": a submit before the page hydrates must never put the password in the URL (a GET).
  return (
    <form key="password" method="post" onSubmit={onPassword} className="flex flex-col gap-4" data-testid="signin-form">
      <Field label={t("email")} htmlFor="email">
        <input id="email" name="email" type="email" autoComplete="username" required className={inputClass} />
      </Field>
      <Field label={t("password")} htmlFor="password">
        <input id="password" name="password" type="password" autoComplete="current-password" required className={inputClass} />
      </Field>
      {errorAlert}
      <button type="submit" disabled={pending} className={buttonClass}>
        {pending ? t("submitting") : t("submit")}
      </button>
      <p className="text-sm">
        <Link href="/forgot-password">{t("forgot")}</Link>
      </p>
      <p className="text-xs text-slate-500">{t("noAccount")}</p>
    </form>
  );
}
