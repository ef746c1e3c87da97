# syntax=docker/dockerfile:1
# Tenantry's container image: `docker build -t tenantry:0.1.0 .` (README, Deploy). The build stage installs the
# dependencies and runs scripts/image-build.mts, the same script the tests run on their own build, which leaves
# the image's /app in /out: Next's standalone server, static assets, scripts/serve.mjs and the migration tooling.
FROM node:20-bookworm-slim AS build
WORKDIR /src
ENV NEXT_TELEMETRY_DISABLED=1
COPY . .
# postinstall patches two dependencies and generates the Prisma client (scripts/postinstall.mjs).
RUN npm ci --no-audit --no-fund
RUN node_modules/.bin/tsx scripts/image-build.mts /out

# The runtime: node and /app, owned by root and read-only to the console's user. Kubernetes runs it with a
# read-only root filesystem and emptyDirs at /tmp and /app/.next/cache (deploy/base/deployment.yaml).
FROM node:20-bookworm-slim
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOME=/tmp
WORKDIR /app
COPY --from=build /out /app
# A numeric user, so the kubelet can check runAsNonRoot without /etc/passwd.
USER 10001:10001
EXPOSE 3000 8443
# The init container runs `node node_modules/prisma/build/index.js migrate deploy` (npm run db:migrate).
CMD ["node", "--max-semi-space-size=64", "scripts/serve.mjs"]
