# The shop server as one bundled file on a slim Node image: no node_modules, no dev tools.
FROM node:20-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
# Install scripts are skipped: the server bundle needs none of the till's native modules.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.base.json vite.owner.config.mts ./
COPY src/shared src/shared
COPY src/server src/server
# The owner's page is built from the till's own renderer code (no Electron needed).
COPY src/renderer src/renderer
RUN npm run build:server && npm run build:owner

FROM node:20-bookworm-slim
WORKDIR /app
COPY --from=build /src/out/server/server.cjs ./server.cjs
COPY --from=build /src/out/owner ./owner
USER node
EXPOSE 8080
CMD ["node", "server.cjs", "serve", "--host", "0.0.0.0", "--port", "8080"]
