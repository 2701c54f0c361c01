# Module_Manager: the SvelteKit portal, built with adapter-node.
FROM node:20-bookworm-slim AS build
RUN npm install -g pnpm@10.34.9
WORKDIR /app
COPY pnpm-lock.yaml pnpm-workspace.yaml package.json .npmrc tsconfig.base.json ./
COPY shared shared
COPY Module_Manager Module_Manager
COPY backend-services/package.json backend-services/
RUN pnpm install --frozen-lockfile --filter @wisp/module-manager...
RUN pnpm --filter @wisp/module-manager build
# adapter-node leaves the package's `dependencies` outside the bundle (compression, set-cookie-parser,
# zod, @wisp/shared…): the runtime gets exactly those, production only, with workspace links resolved.
RUN pnpm --filter @wisp/module-manager deploy --prod --legacy /deploy

FROM node:20-bookworm-slim
# The client address is the one the TLS proxy in front appended to X-Forwarded-For (XFF_DEPTH hops
# from the right), never this server's socket peer (the proxy) nor what the client claimed.
ENV NODE_ENV=production HOST_HEADER=host PROTOCOL_HEADER=x-forwarded-proto BODY_SIZE_LIMIT=60M \
    ADDRESS_HEADER=x-forwarded-for XFF_DEPTH=1
WORKDIR /app
COPY --from=build /app/Module_Manager/build build
COPY --from=build /app/Module_Manager/server server
COPY --from=build /app/Module_Manager/package.json package.json
COPY --from=build /deploy/node_modules node_modules
USER node
EXPOSE 3000
CMD ["node", "server/index.js"]
