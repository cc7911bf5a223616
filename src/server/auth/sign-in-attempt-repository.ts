import type { RecentFailures } from "@/domain/auth/throttle";
import type { Db } from "@/server/db/types";

export async function recentSignInFailures(db: Db, email: string, ip: string, since: Date): Promise<RecentFailures> {
  const [account, address] = await Promise.all([
    db.signInAttempt.aggregate({
      where: { email, succeeded: false, at: { gt: since } },
      _count: { _all: true },
      _max: { at: true },
    }),
    db.signInAttempt.aggregate({
      where: { ip, succeeded: false, at: { gt: since } },
      _count: { _all: true },
      _max: { at: true },
    }),
  ]);
  return {
    account: { count: account._count._all, last: account._max.at },
    address: { count: address._count._all, last: address._max.at },
  };
}

export async function recordSignInAttempt(db: Db, a: { email: string; ip: string; succeeded: boolean; at: Date }) {
  await db.signInAttempt.create({ data: a });
}
