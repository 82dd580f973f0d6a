# syntax=docker/dockerfile:1
# Konkurs: the API compiled to JavaScript and the built SPA in one image. Settings come from the environment
# (see README.md); the database is PostgreSQL through DATABASE_URL, or embedded PGlite in DATA_DIR when it is unset.

FROM node:20-bookworm-slim AS base
ENV CI=true PNPM_HOME=/pnpm PATH=/pnpm:$PATH
RUN npm i -g pnpm@10
WORKDIR /app

# Dependencies first, from the lockfile only, so that a code change does not reinstall them.
FROM base AS deps
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./
COPY apps/api/package.json apps/api/
COPY apps/web/package.json apps/web/
COPY packages/shared/package.json packages/shared/
RUN pnpm install --frozen-lockfile

FROM deps AS build
COPY tsconfig.base.json ./
COPY packages/shared packages/shared
COPY apps/web apps/web
RUN pnpm --filter @konkurs/web build
COPY apps/api apps/api
COPY migrations migrations
# esbuild bundles src/server.ts with @konkurs/shared into apps/api/dist/server.js; packages stay imports.
RUN pnpm --filter @konkurs/api build
# Keep only what runs: the API's production dependencies, from the store already filled.
RUN rm -rf node_modules apps/*/node_modules packages/*/node_modules \
 && pnpm install --frozen-lockfile --prod --offline --filter @konkurs/api

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 DATA_DIR=/data
WORKDIR /app
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/apps/api/package.json apps/api/
COPY --from=build /app/apps/api/node_modules apps/api/node_modules
COPY --from=build /app/apps/api/dist apps/api/dist
COPY --from=build /app/migrations migrations
COPY --from=build /app/apps/web/dist apps/web/dist
# Uploads, and the generated JWT secret and audit signing key when JWT_SECRET and AUDIT_SIGNING_KEY are unset,
# live in DATA_DIR (back the key up apart from the database: it is what makes a rewritten log detectable).
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME /data
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=40s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
# Compiled JavaScript, no TypeScript at run time; the paths it needs (migrations/, apps/web/dist) resolve
# from apps/api/package.json, the package the bundle belongs to.
CMD ["node", "--enable-source-maps", "apps/api/dist/server.js"]
