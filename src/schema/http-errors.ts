import type { ErrorRequestHandler } from 'express';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The JSON parser would turn bytes that are not UTF-8 into U+FFFD and store that; refuse
 * them instead, so text is stored as sent or not at all.
 */
export function rejectInvalidUtf8(_req: unknown, _res: unknown, body: Buffer): void {
  try {
    utf8.decode(body);
  } catch {
    throw Object.assign(new Error('request body is not valid UTF-8'), {
      status: 400,
      type: 'encoding.invalid',
    });
  }
}

/**
 * Errors raised before GraphQL runs (a body too large, malformed JSON, an unsupported
 * charset) answered as JSON with the status the parser chose; never a stack or a path.
 */
export function jsonErrors(log: (error: unknown) => void): ErrorRequestHandler {
  return (error, _req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const status = typeof error?.status === 'number' && error.status < 500 ? error.status : 500;
    if (status === 500) log(error);
    const message =
      status === 500
        ? 'Internal server error; the details are in the server log.'
        : describe(error?.type, status);
    res.status(status).json({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] });
  };
}

function describe(type: unknown, status: number): string {
  switch (type) {
    case 'entity.too.large':
      return 'the request body is larger than this server accepts (100 kB)';
    case 'entity.parse.failed':
      return 'the request body is not valid JSON';
    case 'charset.unsupported':
      return 'the request charset is not supported; send UTF-8';
    case 'encoding.invalid':
      return 'the request body is not valid UTF-8';
    case 'encoding.unsupported':
      return 'the request content encoding is not supported';
    default:
      return `the request was refused (HTTP ${status})`;
  }
}
