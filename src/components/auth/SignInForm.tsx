"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { Alert, buttonClass, Field, inputClass } from "@/components/ui";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("auth.signIn");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setPending(true);
    setError(null);
    const form = new FormData(e.currentTarget);
    const res = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    });
    if (!res || res.error) {
      setPending(false);
      setError(res?.error === "SIGN_IN_THROTTLED" ? t("throttled") : t("invalid"));
      return;
    }
    router.push(callbackUrl);
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" data-testid="signin-form">
      <Field label={t("email")} htmlFor="email">
        <input id="email" name="email" type="email" autoComplete="username" required className={inputClass} />
      </Field>
      <Field label={t("password")} htmlFor="password">
        <input id="password" name="password" type="password" autoComplete="current-password" required className={inputClass} />
      </Field>
      {error ? (
        <Alert tone="error" testId="signin-error">
          {error}
        </Alert>
      ) : null}
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
