# syntax=docker/dockerfile:1
# Samverka as a container: build the client, the compiled server and the native modules in one stage,
# run as an unprivileged user in a slim second stage. See docs/self-hosting.md.

FROM node:24-bookworm-slim AS build
# better-sqlite3 and argon2 compile against this Node.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/* \
 && npm install -g pnpm@12
WORKDIR /app
# Manifests first, so a code change does not reinstall every dependency.
COPY pnpm-workspace.yaml pnpm-lock.yaml package.json ./
COPY client/package.json client/
COPY server/package.json server/
COPY packages/model/package.json packages/model/
COPY e2e/package.json e2e/
RUN pnpm install --frozen-lockfile
COPY . .
RUN pnpm build

FROM node:24-bookworm-slim AS runtime
# pg_dump and pg_restore, for `pnpm samverka backup|restore` against PostgreSQL.
RUN apt-get update \
 && apt-get install -y --no-install-recommends postgresql-client \
 && rm -rf /var/lib/apt/lists/* \
 && mkdir /data && chown node:node /data
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json /app/pnpm-workspace.yaml ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/packages ./packages
COPY --from=build --chown=node:node /app/server ./server
COPY --from=build --chown=node:node /app/client/dist ./client/dist
# glibc malloc settings as `pnpm start` (package.json) sets them: fewer arenas, and blocks of 32 KB
# or more mapped on their own so freeing them returns them (~11 MB less idle memory, docs/benchmarks.md).
ENV NODE_ENV=production PORT=8787 DATA_DIR=/data MALLOC_ARENA_MAX=2 MALLOC_MMAP_THRESHOLD_=32768
USER node
EXPOSE 8787
VOLUME /data
# Liveness only: /healthz does not touch the database (the proxy uses /readyz).
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+process.env.PORT+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# The compiled server (server/dist, from `pnpm build`): no TypeScript loader at run time.
CMD ["node", "server/dist/main.js"]
