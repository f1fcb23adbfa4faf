#!/usr/bin/env bash
# One command on a fresh machine: install, build, migrate, seed demo data, start API + worker.
# Needs PostgreSQL and Redis on localhost (see README § Configuration to point elsewhere); runs on
# the Node pinned in .nvmrc, installed on first use when the machine's Node differs.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/use-node.sh
source scripts/use-node.sh

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
npm run --silent build
npm run --silent migration:run
logins=$(npm run --silent seed:demo)

node dist/apps/worker/apps/worker/src/main.js &
worker=$!
node dist/apps/api/apps/api/src/main.js &
api=$!
trap 'kill $api $worker 2>/dev/null; wait' INT TERM EXIT

port="${PORT:-3000}"
for _ in $(seq 1 50); do
  curl -sf "http://127.0.0.1:${port}/health/live" >/dev/null 2>&1 && break
  sleep 0.2
done
cat <<TXT

Accompany is running (Ctrl-C stops API and worker):
  API        http://localhost:${port}/api/v1
  API docs   http://localhost:${port}/api/docs   (OpenAPI JSON: /api/docs-json)
  Health     http://localhost:${port}/health/ready
${logins}
TXT
wait -n $api $worker
