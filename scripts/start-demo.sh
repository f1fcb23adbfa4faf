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

# The processes log JSON lines; they go to files so the banner below stays readable.
mkdir -p var/log
node dist/apps/worker/apps/worker/src/main.js >>var/log/worker.log 2>&1 &
worker=$!
node dist/apps/api/apps/api/src/main.js >>var/log/api.log 2>&1 &
api=$!
trap 'kill $api $worker 2>/dev/null; wait' INT TERM EXIT

port="${PORT:-3000}"
for _ in $(seq 1 150); do
  curl -sf "http://127.0.0.1:${port}/health/live" >/dev/null 2>&1 && break
  if ! kill -0 "$api" 2>/dev/null; then
    echo "the API stopped; see var/log/api.log" >&2
    exit 1
  fi
  sleep 0.2
done
if ! curl -sf "http://127.0.0.1:${port}/health/live" >/dev/null 2>&1; then
  echo "the API did not answer within 30 s; see var/log/api.log" >&2
  exit 1
fi
rule='================================================================================'
cat <<TXT

${rule}
 Accompany is running (Ctrl-C stops API and worker)

  Web UI            http://localhost:${port}/   (sign in with a demo login below)
  API               http://localhost:${port}/api/v1
  API docs          http://localhost:${port}/api/docs   (OpenAPI JSON: /api/docs-json)
  Health            http://localhost:${port}/health/ready
  Queue dashboard   http://localhost:${port}/admin/queues
                    (admin: POST /api/v1/admin/queue-dashboard/session, then open the link)
  Logs              var/log/api.log, var/log/worker.log

${logins}
${rule}
TXT
wait -n $api $worker
