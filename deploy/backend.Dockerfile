# backend-services: Express + mongoose, run with tsx (TypeScript, no separate build step).
FROM node:20-bookworm-slim AS deps
RUN npm install -g pnpm@10.34.9
WORKDIR /app
COPY pnpm-lock.yaml pnpm-workspace.yaml package.json .npmrc ./
COPY shared/package.json shared/
COPY backend-services/package.json backend-services/
COPY Module_Manager/package.json Module_Manager/
RUN pnpm install --frozen-lockfile --filter @wisp/backend-services... --prod

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=deps /app ./
COPY tsconfig.base.json ./
COPY shared shared
COPY backend-services backend-services
USER node
WORKDIR /app/backend-services
EXPOSE 4000
CMD ["node", "--import", "tsx", "src/server.ts"]
