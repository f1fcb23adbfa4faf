/**
 * Writes the OpenAPI document to openapi.json (`npm run openapi`), or with --check fails
 * when the committed file differs from what the code describes (`npm run openapi:check`).
 * Needs neither PostgreSQL nor Redis: Nest's preview mode builds the module graph and
 * reads the controllers' metadata without instantiating a single provider.
 */
import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { ApiModule } from '../api.module';
import { applyApiPrefix } from '../api-prefix';
import { buildOpenApiDocument } from '../openapi-document';

/** npm runs scripts from the repository root. */
export const OPENAPI_FILE = path.resolve(process.cwd(), 'openapi.json');

async function renderDocument(): Promise<string> {
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule, new FastifyAdapter(), {
    preview: true,
    abortOnError: false,
    logger: ['error'],
  });
  applyApiPrefix(app);
  const document = buildOpenApiDocument(app);
  await app.close();
  return `${JSON.stringify(document, null, 2)}\n`;
}

function firstDifference(a: string, b: string): string {
  const left = a.split('\n');
  const right = b.split('\n');
  const line = left.findIndex((text, index) => text !== right[index]);
  const at = line === -1 ? left.length : line;
  return `line ${at + 1}: committed ${JSON.stringify(right[at] ?? '(end)')}, code ${JSON.stringify(left[at] ?? '(end)')}`;
}

async function main(): Promise<void> {
  const rendered = await renderDocument();
  if (!process.argv.includes('--check')) {
    writeFileSync(OPENAPI_FILE, rendered);
    console.log(`wrote ${path.relative(process.cwd(), OPENAPI_FILE)}`);
    return;
  }
  let committed = '';
  try {
    committed = readFileSync(OPENAPI_FILE, 'utf8');
  } catch {
    // a missing file differs like any other
  }
  if (committed !== rendered) {
    console.error(
      `openapi.json is out of date (${firstDifference(rendered, committed)}); run npm run openapi`,
    );
    process.exitCode = 1;
    return;
  }
  console.log('openapi.json matches the code');
}

void main();
