"use client";

import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { type FormEvent, useEffect, useRef } from "react";
import type { ActionState } from "@/app/_lib/action-state";

/**
 * After an action that set a password succeeds, sign the person in with what they typed and take
 * them in, so accepting an invitation or resetting a password ends signed in. React resets the form
 * once the action completes, so the password is kept from the submit event; it never travels back
 * from the server.
 */
export function useSignInAfter(state: ActionState, destination: string) {
  const router = useRouter();
  const password = useRef("");
  const done = useRef(false);
  useEffect(() => {
    if (state.status !== "ok" || done.current) return;
    done.current = true;
    void signIn("credentials", { email: state.values?.email ?? "", password: password.current, redirect: false }).then((res) => {
      password.current = "";
      router.push(res && !res.error ? destination : "/signin");
      router.refresh();
    });
  }, [state, destination, router]);
  return (e: FormEvent<HTMLFormElement>) => {
    password.current = String(new FormData(e.currentTarget).get("password") ?? "");
  };
}
