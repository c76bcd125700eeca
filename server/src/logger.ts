import { type DestinationStream, type Logger, pino } from 'pino';

export type { Logger };

/**
 * Structured JSON logs. Log lines carry ids and sizes, never document content
 * or tokens: the redaction list is the last line of defence, not the first.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'samverka' },
    redact: {
      paths: ['req.headers.cookie', 'req.headers.authorization', 'token', 'password', 'update'],
      censor: '[redacted]',
    },
  };
  // Tests pass a destination to read the lines the server really writes.
  return destination ? pino(options, destination) : pino(options);
}
