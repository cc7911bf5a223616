import { ZApiPurchaseOrder } from "@/contracts/api-responses";
import { getDb } from "@/server/db/client";
import { findPurchaseOrder } from "@/server/orders/purchase-order-repository";
import { apiHandler, notFound, reply, ZUuidParams } from "../../_lib/api-handler";

export const GET = apiHandler({ params: ZUuidParams("orderId") }, async ({ params }) => {
  const order = await findPurchaseOrder(getDb(), params.orderId ?? "", { staff: true });
  return order ? reply(200, ZApiPurchaseOrder, order) : notFound("purchase order");
});
