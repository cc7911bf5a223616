import { listBody, pageOf, ZByCustomerQuery } from "@/contracts/api";
import { ZCreatePurchaseOrderInput } from "@/contracts/billing";
import { getDb } from "@/server/db/client";
import { createPurchaseOrder } from "@/server/orders/create-purchase-order";
import { findPurchaseOrder, listPurchaseOrdersPage } from "@/server/orders/purchase-order-repository";
import { apiHandler, json } from "../_lib/api-handler";

export const GET = apiHandler({ query: ZByCustomerQuery }, async ({ query }) => {
  const { data, total } = await listPurchaseOrdersPage(getDb(), { customerId: query.customerId, ...pageOf(query) });
  return json(200, listBody(data, total, query));
});

export const POST = apiHandler({ body: ZCreatePurchaseOrderInput }, async ({ actor, body }) => {
  const { orderId } = await createPurchaseOrder(getDb(), actor, body, new Date());
  return json(201, await findPurchaseOrder(getDb(), orderId, { staff: true }));
});
