import pino from 'pino';

/** Structured JSON logs on stdout; LOG_LEVEL=silent quiets them (the tests do). */
export const logger = pino({
  level: process.env.LOG_LEVEL || 'info',
  base: { service: 'certscope' },
});
