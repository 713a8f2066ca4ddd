# notecast: a small image on a maintained Node.js LTS. Tokens come only from the environment.
#   docker build -t notecast .
#   docker run -v "$PWD/notes:/notes:ro" -v notecast-data:/data -e DISCORD_TOKEN -e TELEGRAM_BOT_TOKEN notecast

FROM node:22-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 compiles from source when no prebuilt binary matches.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json tsconfig.json ./
COPY scripts ./scripts
COPY src ./src
COPY bench ./bench
COPY test/fakes ./test/fakes
# `npm ci` runs the `prepare` script, which compiles TypeScript into dist/.
RUN npm ci && npm prune --omit=dev

FROM node:22-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist/src ./dist/src
COPY package.json ./
COPY config/notecast.example.yaml ./config/notecast.example.yaml
RUN mkdir -p /notes /data && chown node:node /data
USER node
VOLUME ["/notes", "/data"]
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s \
  CMD ["node", "-e", "fetch('http://127.0.0.1:8080/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["node", "dist/src/cli/main.js"]
# Inside a container the health endpoint listens on every interface, so `-p 8080:8080` reaches it.
CMD ["start", "--notes", "/notes", "--db", "/data/notecast.db", "--http-port", "8080", "--http-host", "0.0.0.0"]
