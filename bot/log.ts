import { maskPersonalData } from './privacy/mask.js';

export type LogLevel = 'silent' | 'error' | 'warn' | 'info';
export const LOG_LEVELS: readonly LogLevel[] = ['silent', 'error', 'warn', 'info'];

let threshold: LogLevel = 'info';

/** Plain values for a log line; an Error becomes its name, message and stack. */
function plain(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) {
    out[k] = v instanceof Error ? { name: v.name, message: v.message, stack: v.stack } : v;
  }
  return out;
}

function write(level: Exclude<LogLevel, 'silent'>, message: string, fields: Record<string, unknown>): void {
  if (LOG_LEVELS.indexOf(level) > LOG_LEVELS.indexOf(threshold)) return;
  const line = JSON.stringify({ time: new Date().toISOString(), level, message, ...plain(fields) });
  // The whole line is masked: an error message can quote what a person wrote.
  (level === 'info' ? process.stdout : process.stderr).write(`${maskPersonalData(line)}\n`);
}

/**
 * The service's log: one JSON object per line, with CPR numbers, e-mail addresses and phone numbers masked.
 * Never log what a person wrote on purpose; the masking is the safety net, not the plan.
 */
export const log = {
  setLevel(level: LogLevel): void {
    threshold = level;
  },
  info: (message: string, fields: Record<string, unknown> = {}) => write('info', message, fields),
  warn: (message: string, fields: Record<string, unknown> = {}) => write('warn', message, fields),
  error: (message: string, fields: Record<string, unknown> = {}) => write('error', message, fields),
};
