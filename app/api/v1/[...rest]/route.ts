import { notFound, problemResponse } from "@/lib/api/errors";
import { requestLocale } from "@/lib/i18n";

/** Unknown API paths answer problem+json, not the console's HTML 404 page. */
function unknown(req: Request) {
  return problemResponse(notFound("API path"), new URL(req.url).pathname, requestLocale(req.headers));
}
export { unknown as GET, unknown as POST, unknown as PUT, unknown as PATCH, unknown as DELETE };
