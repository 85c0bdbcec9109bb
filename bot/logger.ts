import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

/**
 * Field names that could carry credentials. Code never logs them on purpose; redaction is the
 * safety net for an object logged whole (an error with a request attached, say).
 */
const REDACTED_PATHS = [
  'authorization',
  'headers.authorization',
  '*.headers.authorization',
  'token',
  '*.token',
  'accessToken',
  '*.accessToken',
  'code',
  '*.code',
  'state',
  '*.state',
  'secret',
  '*.secret',
  'password',
  '*.password',
  'clientSecret',
  '*.clientSecret',
  'codeVerifier',
  '*.codeVerifier',
];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = { level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' }, base: { app: 'tikit-consent' } };
  return destination ? pino(options, destination) : pino(options);
}
