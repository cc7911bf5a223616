"use client";

import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useEffect, useRef } from "react";
import type { ActionState } from "@/app/_lib/action-state";

/**
 * After an action that set a password succeeds, sign the person in with what they typed and take
 * them in, so accepting an invitation or resetting a password ends signed in.
 */
export function useSignInAfter(state: ActionState, form: React.RefObject<HTMLFormElement | null>, destination: string) {
  const router = useRouter();
  const done = useRef(false);
  useEffect(() => {
    if (state.status !== "ok" || done.current) return;
    done.current = true;
    const password = new FormData(form.current ?? undefined).get("password");
    void signIn("credentials", { email: state.values?.email ?? "", password: String(password ?? ""), redirect: false }).then((res) => {
      router.push(res && !res.error ? destination : "/signin");
      router.refresh();
    });
  }, [state, form, destination, router]);
}
