import { ZCreateProductInput } from "@/contracts/billing";
import { addProduct } from "@/server/catalogue/add-product";
import { listProducts } from "@/server/catalogue/catalogue-repository";
import { getDb } from "@/server/db/client";
import { apiHandler, json } from "../_lib/api-handler";

export const GET = apiHandler({}, async () => json(200, { data: await listProducts(getDb(), { activeOnly: false }) }));

export const POST = apiHandler({ body: ZCreateProductInput }, async ({ actor, body }) => {
  const { productId } = await addProduct(getDb(), actor, body, new Date());
  return json(201, (await listProducts(getDb(), { activeOnly: false })).find((p) => p.id === productId));
});
