import { ZApiProduct, ZApiProductList } from "@/contracts/api-responses";
import { ZCreateProductInput } from "@/contracts/billing";
import { addProduct } from "@/server/catalogue/add-product";
import { listProducts } from "@/server/catalogue/catalogue-repository";
import { getDb } from "@/server/db/client";
import { apiHandler, notFound, reply } from "../_lib/api-handler";

export const GET = apiHandler({}, async () => reply(200, ZApiProductList, { data: await listProducts(getDb(), { activeOnly: false }) }));

export const POST = apiHandler({ body: ZCreateProductInput }, async ({ actor, body }) => {
  const { productId } = await addProduct(getDb(), actor, body, new Date());
  const product = (await listProducts(getDb(), { activeOnly: false })).find((p) => p.id === productId);
  return product ? reply(201, ZApiProduct, product) : notFound("product");
});
