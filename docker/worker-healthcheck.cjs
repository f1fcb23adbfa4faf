// Worker container health: exit 0 while the worker's own verdict (WORKER_HEALTH_FILE, written
// with every heartbeat, i.e. every 10 s) is younger than 30 s and says healthy; 1 otherwise.
// Unhealthy: the process is stuck (no fresh file), its heartbeat has not reached Redis for 30 s,
// or the reminder sweep recorded in PostgreSQL is stale (reminders no longer reach the queue).
// The file's one line is printed, so `docker inspect` shows why.
const { readFileSync } = require('node:fs');

const STALE_MS = 30_000;
const file = process.env.WORKER_HEALTH_FILE || '/tmp/accompany-worker-health.json';

let code = 1;
try {
  const text = readFileSync(file, 'utf8');
  const report = JSON.parse(text);
  const age = Date.now() - Date.parse(report.at);
  code = report.healthy === true && age < STALE_MS ? 0 : 1;
  process.stdout.write(age < STALE_MS ? text : `stale health file (${Math.round(age / 1000)} s): ${text}`);
} catch (error) {
  process.stdout.write(`no health file: ${error.code || error.message}\n`);
}
process.exit(code);
