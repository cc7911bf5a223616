import { appUrl } from "@/server/config";
import { openApiDocument } from "@/server/api/openapi";

/** Public: the API's description is not a secret; every operation still needs a token. */
export function GET() {
  return Response.json(openApiDocument(appUrl()));
}
