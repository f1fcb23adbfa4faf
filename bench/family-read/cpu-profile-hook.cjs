'use strict';
// Preloaded (`node -r`) into a server child only when the bench runs with PROFILE=1.
// The runner sends { benchProfile: 'start' } / { benchProfile: 'stop', file } over the IPC
// channel; the V8 CPU profile of exactly that window is written to `file`. Signals are
// not used: Nest's shutdown hooks treat SIGUSR2 as a shutdown request.
const fs = require('node:fs');
const inspector = require('node:inspector');

const session = new inspector.Session();
session.connect();

function post(method, params) {
  return new Promise((resolve, reject) => {
    session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

process.on('message', (message) => {
  if (!message || typeof message !== 'object' || !('benchProfile' in message)) return;
  const done = (reply) => process.send?.({ benchProfileReply: message.benchProfile, ...reply });
  const work =
    message.benchProfile === 'start'
      ? post('Profiler.enable')
          .then(() => post('Profiler.setSamplingInterval', { interval: 200 }))
          .then(() => post('Profiler.start'))
      : post('Profiler.stop').then(({ profile }) => fs.writeFileSync(message.file, JSON.stringify(profile)));
  work.then(
    () => done({ ok: true }),
    (error) => done({ ok: false, error: String(error) }),
  );
});
// The IPC channel must not keep the process alive on its own.
process.channel?.unref();
