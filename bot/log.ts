import { pino } from 'pino';
import { maskPersonalData } from './privacy/mask.js';

export type LogLevel = 'silent' | 'error' | 'warn' | 'info';
export const LOG_LEVELS: readonly LogLevel[] = ['silent', 'error', 'warn', 'info'];

/**
 * The service's log (pino): one JSON object per line on standard output, with CPR numbers, e-mail addresses and phone
 * numbers masked in the finished line, so nothing slips through a field we did not think of. Never log what a person
 * wrote on purpose; the masking is the safety net, not the plan.
 */
const logger = pino(
  {
    level: 'info',
    base: { service: 'mentorbot' },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    serializers: { error: pino.stdSerializers.err },
    hooks: { streamWrite: (line) => maskPersonalData(line) },
  },
  { write: (line: string) => process.stdout.write(line) },
);

export const log = {
  setLevel(level: LogLevel): void {
    logger.level = level;
  },
  info: (message: string, fields: Record<string, unknown> = {}) => logger.info(fields, message),
  warn: (message: string, fields: Record<string, unknown> = {}) => logger.warn(fields, message),
  error: (message: string, fields: Record<string, unknown> = {}) => logger.error(fields, message),
};
