import { ZApiSite, ZApiSiteList } from "@/contracts/api-responses";
import { ZCreateSiteInput } from "@/contracts/customers";
import { apiListSites } from "@/server/api/api-queries";
import { createSite } from "@/server/customers/manage-customers";
import { getDb } from "@/server/db/client";
import { apiHandler, notFound, reply, ZUuidParams } from "../../../_lib/api-handler";

const params = ZUuidParams("customerId");

export const GET = apiHandler({ params }, async ({ params: p }) => reply(200, ZApiSiteList, { data: await apiListSites(getDb(), p.customerId ?? "") }));

export const POST = apiHandler({ params, body: ZCreateSiteInput }, async ({ actor, params: p, body }) => {
  const { siteId } = await createSite(getDb(), actor, p.customerId ?? "", body, new Date());
  const sites = await apiListSites(getDb(), p.customerId ?? "");
  const site = sites.find((s) => s.id === siteId);
  return site ? reply(201, ZApiSite, site) : notFound("site");
});
