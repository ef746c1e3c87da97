import { fileURLToPath } from "node:url";

/** The realkube script: TENANTRY_REALKUBE_BIN, or the shared one beside this checkout (../shared/kube). */
export const REALKUBE = process.env.TENANTRY_REALKUBE_BIN || fileURLToPath(new URL("../../../shared/kube/realkube", import.meta.url));
