# factlint's editor service (the page and the HTTP API, `factlint serve`) for a newsroom to run
# beside its CMS. The server keeps no state between requests: run as many as you like behind a
# load balancer (docs/server.md).
#
#   docker build -t factlint .
#   printf '%s\n' "$(openssl rand -hex 24)" > factlint-token
#   docker run -p 8080:8080 -v "$PWD/factlint-token:/run/secrets/factlint-token:ro" factlint
#
# A newsroom's own tables and rules: mount them and pass --config (see docs/server.md).

# Build: the dev toolchain, then the same tarball `npm pack` makes for everyone.
FROM node:20-alpine AS build
WORKDIR /src
COPY package.json package-lock.json .npmrc ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
RUN npm pack --pack-destination /tmp && mv /tmp/factlint-*.tgz /tmp/factlint.tgz

# Run: Node and factlint's runtime dependencies only (no esbuild, no dev tools), as a non-root user.
# A local install, not --global: npm leaves optional dependencies out only of local ones.
FROM node:20-alpine
ENV NODE_ENV=production
WORKDIR /opt/factlint
COPY --from=build /tmp/factlint.tgz /tmp/factlint.tgz
RUN npm install --omit=dev --omit=optional --no-audit --no-fund --no-package-lock /tmp/factlint.tgz \
    && rm /tmp/factlint.tgz \
    && npm cache clean --force
ENV PATH=/opt/factlint/node_modules/.bin:$PATH
# The node image's unprivileged user (uid 1000).
USER node
WORKDIR /home/node
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=15s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:8080/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["factlint", "serve"]
CMD ["--host", "0.0.0.0", "--port", "8080", "--token-file", "/run/secrets/factlint-token"]
