# One image for the three services of distributed mode, run from their compiled JavaScript (the
# same `dist/` that `npm run build` makes and `npm start` runs).
#
#   docker build -t subledger .
#   docker run --rm subledger dist/apps/ledger/src/main.js     # the argument picks the service
#   docker run --rm -e DATABASE_URL=... subledger dist/apps/cli/src/main.js verify   # the operator CLI
#
# The service is chosen by the argument (dist/apps/gateway|accounts|ledger/src/main.js). Node is
# the entry point itself rather than `npm run start:<service>`: npm does not pass SIGTERM on to the
# process it starts, so a stop would kill the service instead of letting it close its Kafka
# consumers and database pool.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0
WORKDIR /app

# Dependencies first, so that a change of the sources alone reuses this layer; the build, test and
# lint tooling is left out.
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

COPY --from=build /app/dist ./dist
COPY config ./config

# The image's own `node` user, by number so that Kubernetes can check runAsNonRoot. The files stay
# owned by root: the services only read them.
USER 1000:1000

EXPOSE 3000 3001 3002
ENTRYPOINT ["node"]
CMD ["dist/apps/gateway/src/main.js"]
