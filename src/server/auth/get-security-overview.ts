import QRCode from "qrcode";
import type { SecurityOverviewDto } from "@/contracts/auth";
import { secondFactorRequired } from "@/domain/auth/second-factor";
import { countUnusedRecoveryCodes, findTotpState } from "@/server/auth/second-factor-repository";
import { totpUri } from "@/server/auth/totp";
import { env } from "@/server/config";
import type { Db } from "@/server/db/types";

/**
 * The reader's two-factor status for the security page. While enrolment is pending, the QR code is
 * rendered here, on the server, as an SVG data URL: nothing is fetched from elsewhere.
 */
export async function getSecurityOverview(db: Db, userId: string): Promise<SecurityOverviewDto | null> {
  const user = await findTotpState(db, userId);
  if (user?.kind !== "STAFF") return null;
  const status = user.totpEnabledAt ? "on" : user.totpPendingSecret ? "pending" : "off";
  const secret = status === "pending" ? user.totpPendingSecret : null;
  const qrCode = secret
    ? `data:image/svg+xml;base64,${Buffer.from(await QRCode.toString(totpUri(secret, user.email, env().COMPANY_NAME), { type: "svg", margin: 1 })).toString("base64")}`
    : null;
  return {
    status,
    required: secondFactorRequired(user.staffRoles),
    secret,
    qrCode,
    unusedRecoveryCodes: status === "on" ? await countUnusedRecoveryCodes(db, user.id) : 0,
  };
}
