import { apiGetSubscription } from "@/server/api/api-queries";
import { getDb } from "@/server/db/client";
import { apiHandler, json, ZUuidParams } from "../../_lib/api-handler";

export const GET = apiHandler({ params: ZUuidParams("subscriptionId") }, async ({ params }) => {
  const s = await apiGetSubscription(getDb(), params.subscriptionId ?? "");
  return s ? json(200, s) : json(404, { error: { code: "NOT_FOUND", message: "subscription not found" } });
});
