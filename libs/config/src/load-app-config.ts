import { toAppConfig, type AppConfig } from './app-config';
import { validateEnv } from './validate-env';

/** The single place that reads process.env (besides nothing else). */
export function loadAppConfig(raw: NodeJS.ProcessEnv = process.env): AppConfig {
  return toAppConfig(validateEnv(raw));
}
