# syntax=docker/dockerfile:1
# Partner Cart as a container: the runtime image holds exactly the artifact of `npm run bundle`
# (the same files App Service runs from its zip), on Node 24, as a non-root user.

# Stage 1: build the bundle with the full toolchain (compiler, bundler script).
FROM node:24-slim AS bundle
WORKDIR /src
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY cards ./cards
COPY scripts ./scripts
RUN npm run bundle

# Stage 2: only the bundle; the code belongs to root and is read-only for the user that runs it.
FROM node:24-slim
ENV NODE_ENV=production \
    PORT=3978 \
    HOST=0.0.0.0 \
    DATA_DIR=/data
WORKDIR /app
COPY --from=bundle /src/artifacts/bundle/ ./
RUN mkdir /data && chown node:node /data
VOLUME /data
USER node
EXPOSE 3978
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3978) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# The V8 heap limit of `npm start` (package.json; why: docs/memory.md).
CMD ["node", "--max-old-space-size=1024", "--max-semi-space-size=8", "dist/src/index.js"]
