import { GraphQLError } from 'graphql';

export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BUSY'
  | 'INTERNAL_SERVER_ERROR';

/** The base of every error a client may see; anything else is masked before it leaves. */
export class AppError extends GraphQLError {
  constructor(message: string, code: ErrorCode, details: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...details } });
  }
}

/** The client sent a value that breaks the contract; `field` names the argument at fault. */
export class BadInputError extends AppError {
  constructor(field: string, message: string, value?: unknown) {
    super(`${field}: ${message}`, 'BAD_USER_INPUT', {
      field,
      ...(value === undefined ? {} : { value }),
    });
  }
}

export class NotFoundError extends AppError {
  constructor(entity: string, key: string, value: string | number) {
    super(`no ${entity} with ${key} ${JSON.stringify(value)}`, 'NOT_FOUND', { entity, key });
  }
}

/** The change is valid on its own but clashes with what is stored (a duplicate, a cycle). */
export class ConflictError extends AppError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message, 'CONFLICT', details);
  }
}

/** The server has no capacity for this work now; the same request may well succeed later. */
export class BusyError extends AppError {
  constructor(message: string) {
    super(message, 'BUSY');
  }
}
