// Kubernetes `Status` errors with the real API server's codes, reasons and message forms.
export interface StatusCause { reason: string; message: string; field?: string }
export interface StatusDetails { name?: string; group?: string; kind?: string; uid?: string; causes?: StatusCause[] }

export class ApiError extends Error {
  constructor(readonly code: number, readonly reason: string, message: string, readonly details?: StatusDetails) {
    super(message);
  }
  toStatus() {
    return { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message: this.message, reason: this.reason, ...(this.details ? { details: this.details } : {}), code: this.code };
  }
}

/** Group-qualified resource as printed in messages: `namespaces`, `roles.rbac.authorization.k8s.io`. */
export interface GroupResource { group: string; resource: string }
const qualified = (gr: GroupResource) => (gr.group ? `${gr.resource}.${gr.group}` : gr.resource);
const details = (gr: GroupResource, name?: string): StatusDetails => ({ ...(name !== undefined ? { name } : {}), ...(gr.group ? { group: gr.group } : {}), kind: gr.resource });

export const notFound = (gr: GroupResource, name: string) => new ApiError(404, "NotFound", `${qualified(gr)} "${name}" not found`, details(gr, name));
export const alreadyExists = (gr: GroupResource, name: string) => new ApiError(409, "AlreadyExists", `${qualified(gr)} "${name}" already exists`, details(gr, name));
export const conflict = (gr: GroupResource, name: string, why = "the object has been modified; please apply your changes to the latest version and try again") =>
  new ApiError(409, "Conflict", `Operation cannot be fulfilled on ${qualified(gr)} "${name}": ${why}`, details(gr, name));
export const badRequest = (message: string) => new ApiError(400, "BadRequest", message);
export const unauthorized = () => new ApiError(401, "Unauthorized", "Unauthorized");
export const methodNotAllowed = () => new ApiError(405, "MethodNotAllowed", "the server does not allow this method on the requested resource");
export const internalError = (why: string) => new ApiError(500, "InternalError", `Internal error occurred: ${why}`, { causes: [{ reason: "", message: why }] });
export const serviceUnavailable = (why: string) => new ApiError(503, "ServiceUnavailable", why);

/** `pods "x" is forbidden: <why>` (or `pods is forbidden: …` without a name). */
export function forbidden(gr: GroupResource, name: string | undefined, why: string, causes?: StatusCause[]) {
  const subject = name ? `${qualified(gr)} "${name}"` : qualified(gr);
  return new ApiError(403, "Forbidden", `${subject} is forbidden: ${why}`, { ...details(gr, name || undefined), ...(causes ? { causes } : {}) });
}

/** 422: `Namespace "Bad" is invalid: metadata.name: Invalid value: "Bad": …`; details.kind is the Kind. */
export function invalid(kind: string, group: string, name: string, causes: StatusCause[]) {
  const parts = causes.map((c) => `${c.field}: ${c.message}`);
  const summary = parts.length === 1 ? parts[0] : `[${parts.join(", ")}]`;
  return new ApiError(422, "Invalid", `${kind} "${name}" is invalid: ${summary}`, { name, ...(group ? { group } : {}), kind, causes });
}
export const fieldInvalid = (field: string, value: unknown, why: string): StatusCause => ({ reason: "FieldValueInvalid", message: `Invalid value: ${JSON.stringify(value)}: ${why}`, field });
export const fieldRequired = (field: string, why = ""): StatusCause => ({ reason: "FieldValueRequired", message: `Required value${why ? `: ${why}` : ""}`, field });

export function statusSuccess(gr: GroupResource, name: string, uid?: string) {
  return { kind: "Status", apiVersion: "v1", metadata: {}, status: "Success", details: { ...details(gr, name), ...(uid ? { uid } : {}) } };
}
