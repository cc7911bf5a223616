import { ZCreateSiteInput } from "@/contracts/customers";
import { apiListSites } from "@/server/api/api-queries";
import { createSite } from "@/server/customers/manage-customers";
import { getDb } from "@/server/db/client";
import { apiHandler, json, ZUuidParams } from "../../../_lib/api-handler";

const params = ZUuidParams("customerId");

export const GET = apiHandler({ params }, async ({ params: p }) => json(200, { data: await apiListSites(getDb(), p.customerId ?? "") }));

export const POST = apiHandler({ params, body: ZCreateSiteInput }, async ({ actor, params: p, body }) => {
  const { siteId } = await createSite(getDb(), actor, p.customerId ?? "", body, new Date());
  const sites = await apiListSites(getDb(), p.customerId ?? "");
  return json(201, sites.find((s) => s.id === siteId));
});
