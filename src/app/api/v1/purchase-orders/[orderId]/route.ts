import { getDb } from "@/server/db/client";
import { findPurchaseOrder } from "@/server/orders/purchase-order-repository";
import { apiHandler, json, ZUuidParams } from "../../_lib/api-handler";

export const GET = apiHandler({ params: ZUuidParams("orderId") }, async ({ params }) => {
  const order = await findPurchaseOrder(getDb(), params.orderId ?? "", { staff: true });
  return order ? json(200, order) : json(404, { error: { code: "NOT_FOUND", message: "purchase order not found" } });
});
