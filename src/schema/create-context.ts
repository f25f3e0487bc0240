import type { DataSource } from 'typeorm';
import { UnauthenticatedError, type Authenticator, type Viewer } from '../services/auth.service';
import { createLoaders } from '../services/loaders';
import { resolveScope, type Scope } from '../services/scope';
import type { Context } from './context';

/**
 * The context of one request. The token is checked up front, but a bad or missing token
 * only fails the fields that need a viewer: the public catalog still answers.
 */
export async function createContext(
  db: DataSource,
  authenticator: Authenticator,
  authorization: string | undefined,
  today: string,
): Promise<Context> {
  let viewer: Viewer | null = null;
  let authError: UnauthenticatedError | null = null;
  try {
    viewer = await authenticator.viewer(authorization);
  } catch (error) {
    if (!(error instanceof UnauthenticatedError)) throw error;
    authError = error;
  }

  let scope: Promise<Scope> | null = null;
  const getScope = (): Promise<Scope> => {
    if (authError) return Promise.reject(authError);
    if (!viewer) {
      return Promise.reject(
        new UnauthenticatedError('sign in: send "Authorization: Bearer <token>" for this field'),
      );
    }
    scope ??= resolveScope(db, viewer);
    return scope;
  };

  return { db, today, viewer, scope: getScope, loaders: createLoaders(db, getScope) };
}
