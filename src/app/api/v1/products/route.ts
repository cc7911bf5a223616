import { listProducts } from "@/server/catalogue/catalogue-repository";
import { getDb } from "@/server/db/client";
import { apiHandler, json } from "../_lib/api-handler";

export const GET = apiHandler({}, async () => json(200, { data: await listProducts(getDb(), { activeOnly: false }) }));
