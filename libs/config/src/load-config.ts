import { configSchema, type AppConfig } from './config.schema';

export class ConfigError extends Error {}

/** Parses the environment; the message names the first bad variable and why, on one line. */
export function parseConfig(env: NodeJS.ProcessEnv): AppConfig {
  const result = configSchema.safeParse(env);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new ConfigError(`Configuration error: ${issue.path.join('.')} ${issue.message}`);
}

/** For process entry points: a bad environment ends the process with one clear line, not a stack trace. */
export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): AppConfig {
  try {
    return parseConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
