import { redirect } from "next/navigation";
import { currentUser } from "@/server/auth/guards";

/** The front door: each kind of person goes to their own side. */
export default async function Home() {
  const user = await currentUser();
  if (!user) redirect("/signin");
  redirect(user.kind === "STAFF" ? "/staff" : "/portal");
}
