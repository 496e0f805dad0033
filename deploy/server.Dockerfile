# The shop server as one bundled file on a slim Node image: no node_modules, no dev tools.
FROM node:20-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
# Install scripts are skipped: the server bundle needs none of the till's native modules.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.base.json ./
COPY src/shared src/shared
COPY src/server src/server
RUN npm run build:server

FROM node:20-bookworm-slim
WORKDIR /app
COPY --from=build /src/out/server/server.cjs ./server.cjs
USER node
EXPOSE 8080
CMD ["node", "server.cjs", "serve", "--host", "0.0.0.0", "--port", "8080"]
