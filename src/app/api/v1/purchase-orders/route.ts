import { apiPageRequest, listBody, ZByCustomerQuery } from "@/contracts/api";
import { ZApiPurchaseOrder, ZApiPurchaseOrderPage } from "@/contracts/api-responses";
import { ZCreatePurchaseOrderInput } from "@/contracts/billing";
import { getDb } from "@/server/db/client";
import { createPurchaseOrder } from "@/server/orders/create-purchase-order";
import { findPurchaseOrder, listPurchaseOrdersPage } from "@/server/orders/purchase-order-repository";
import { apiHandler, notFound, reply } from "../_lib/api-handler";

export const GET = apiHandler({ query: ZByCustomerQuery }, async ({ query }) => {
  const page = await listPurchaseOrdersPage(getDb(), { customerId: query.customerId }, apiPageRequest(query));
  return reply(200, ZApiPurchaseOrderPage, listBody(page));
});

export const POST = apiHandler({ body: ZCreatePurchaseOrderInput }, async ({ actor, body }) => {
  const { orderId } = await createPurchaseOrder(getDb(), actor, body, new Date());
  const order = await findPurchaseOrder(getDb(), orderId, { staff: true });
  return order ? reply(201, ZApiPurchaseOrder, order) : notFound("purchase order");
});
