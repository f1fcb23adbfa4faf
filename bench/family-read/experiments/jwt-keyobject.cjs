'use strict';
// What-if preload for the API child (never part of a default run):
//   API_NODE_ARGS="-r ./bench/family-read/experiments/jwt-keyobject.cjs" npm run bench:family-read -- --baseline-jwt-key=keyobject
// Simulates JwtStrategy passing `secretOrKey: createSecretKey(Buffer.from(secret))` instead of
// the string: jsonwebtoken 9 then skips the createPublicKey() attempt that fails on every
// HS256 verify (auth0/node-jsonwebtoken#1046, #966). Same check, same secret, same result.
const { createSecretKey } = require('node:crypto');
const jwt = require('jsonwebtoken');

const keys = new Map();
const verify = jwt.verify;
jwt.verify = function verifyWithKeyObject(token, secretOrKey, ...rest) {
  if (typeof secretOrKey === 'string') {
    let key = keys.get(secretOrKey);
    if (!key) keys.set(secretOrKey, (key = createSecretKey(Buffer.from(secretOrKey))));
    return verify.call(this, token, key, ...rest);
  }
  return verify.call(this, token, secretOrKey, ...rest);
};
