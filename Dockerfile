# One image for the three services of distributed mode. The sources run as they are, through
# ts-node (transpile only), exactly as the npm start scripts run them, so there is no build step.
#
#   docker build -t subledger .
#   docker run --rm subledger apps/ledger/src/main.ts     # the argument picks the service
#
# The service is chosen by the argument (apps/gateway|accounts|ledger/src/main.ts). Node is the
# entry point itself rather than `npm run start:<service>`: npm does not pass SIGTERM on to the
# process it starts, so a stop would kill the service instead of letting it close its Kafka
# consumers and database pool.
FROM node:20-bookworm-slim

ENV NODE_ENV=production \
    HOST=0.0.0.0

WORKDIR /app

# Dependencies first, so that a change of the sources alone reuses this layer. ts-node, typescript
# and tsconfig-paths are runtime dependencies; the test and lint tooling is left out.
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

COPY . .

# The image's own `node` user, by number so that Kubernetes can check runAsNonRoot. The files stay
# owned by root: the services only read them.
USER 1000:1000

EXPOSE 3000 3001 3002
ENTRYPOINT ["node", "-r", "ts-node/register/transpile-only", "-r", "tsconfig-paths/register"]
CMD ["apps/gateway/src/main.ts"]
