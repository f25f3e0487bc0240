import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  createRemoteJWKSet,
  errors as joseErrors,
  jwtVerify,
  SignJWT,
  type JWTVerifyGetKey,
} from 'jose';
import { AppError } from '../schema/errors';

export enum Role {
  EMPLOYEE = 'EMPLOYEE',
  MANAGER = 'MANAGER',
  FINANCE = 'FINANCE',
  LND_ADMIN = 'LND_ADMIN',
}

/** Who is asking: the employee behind the token and the role the token grants. */
export interface Viewer {
  employeeId: number;
  role: Role;
}

export interface AuthSettings {
  issuer: string;
  audience: string;
  /** HS256 shared secret, or a JWKS URL for asymmetric keys; exactly one is used. */
  secret: Uint8Array | null;
  jwksUrl: string | null;
  /** True when the secret is the generated development key (never in production). */
  development: boolean;
}

export class UnauthenticatedError extends AppError {
  constructor(message: string) {
    super(message, 'UNAUTHENTICATED');
  }
}

/** The viewer is known but their role may not do this. */
export class ForbiddenError extends AppError {
  constructor(message: string) {
    super(message, 'FORBIDDEN');
  }
}

const DEV_SECRET_FILE = 'dev-jwt-secret';
const MIN_SECRET_BYTES = 32;

/**
 * Reads key configuration from the environment. In production a key is mandatory; in
 * development, without one, a random key is generated once and kept in the data folder so
 * `npm run token` can sign tokens the running service accepts.
 */
export function loadAuthSettings(
  env: NodeJS.ProcessEnv,
  dataRoot: string,
  options: { createDevelopmentKey: boolean } = { createDevelopmentKey: true },
): AuthSettings {
  const issuer = env.AUTH_ISSUER || 'certscope';
  const audience = env.AUTH_AUDIENCE || 'certscope-api';
  const production = env.NODE_ENV === 'production';
  if (env.AUTH_JWKS_URL) {
    return { issuer, audience, secret: null, jwksUrl: env.AUTH_JWKS_URL, development: false };
  }
  if (env.AUTH_JWT_SECRET) {
    const secret = new TextEncoder().encode(env.AUTH_JWT_SECRET);
    if (secret.byteLength < MIN_SECRET_BYTES) {
      throw new Error(`AUTH_JWT_SECRET must be at least ${MIN_SECRET_BYTES} bytes long`);
    }
    return { issuer, audience, secret, jwksUrl: null, development: false };
  }
  if (production) {
    throw new Error(
      'NODE_ENV=production needs AUTH_JWT_SECRET (HS256, 32+ bytes) or AUTH_JWKS_URL; ' +
        'development tokens are not accepted in production',
    );
  }
  const secret = developmentSecret(dataRoot, options.createDevelopmentKey);
  return { issuer, audience, secret, jwksUrl: null, development: true };
}

function developmentSecret(dataRoot: string, create: boolean): Uint8Array {
  const file = path.join(dataRoot, DEV_SECRET_FILE);
  if (!existsSync(file) && !create) {
    throw new Error(
      `no development key in ${file}: start the service first, with the same ` +
        'CERTSCOPE_STATE_DIR, so tokens are signed with the key it checks',
    );
  }
  if (!existsSync(file)) {
    mkdirSync(dataRoot, { recursive: true });
    writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600, flag: 'wx' });
  }
  return new TextEncoder().encode(readFileSync(file, 'utf8').trim());
}

/** How many verified tokens an Authenticator remembers. */
const VERIFIED_TOKENS = 1_000;

export class Authenticator {
  private readonly key: Uint8Array | JWTVerifyGetKey;
  /**
   * Tokens verified with the shared secret, by token string, until their `exp`: the same
   * string against the same secret always verifies the same way, so only expiry can change
   * the answer. Never used with a JWKS, whose keys may rotate or be withdrawn. Least
   * recently used first (Map order), bounded.
   */
  private readonly verified = new Map<string, { viewer: Viewer; expiresAtMs: number }>();

  constructor(private readonly settings: AuthSettings) {
    if (settings.jwksUrl) this.key = createRemoteJWKSet(new URL(settings.jwksUrl));
    else if (settings.secret) this.key = settings.secret;
    else throw new Error('no key to verify tokens with');
  }

  /** The viewer behind an `Authorization: Bearer` header; null when there is no header. */
  async viewer(header: string | undefined): Promise<Viewer | null> {
    if (!header) return null;
    // The scheme name is case-insensitive (RFC 9110).
    const match = /^Bearer ([A-Za-z0-9_\-.]{1,4096})$/i.exec(header.trim());
    if (!match) throw new UnauthenticatedError('the Authorization header must be "Bearer <token>"');
    const token = match[1];
    const known = this.verified.get(token);
    if (known !== undefined) {
      this.verified.delete(token);
      // jose rejects a token once its exp (seconds) is not after the current second.
      if (Date.now() < known.expiresAtMs) {
        this.verified.set(token, known);
        return { ...known.viewer };
      }
    }
    const { viewer, exp } = await this.verify(token);
    if (this.settings.secret && !this.settings.jwksUrl) {
      this.verified.set(token, { viewer: { ...viewer }, expiresAtMs: exp * 1000 });
      if (this.verified.size > VERIFIED_TOKENS) {
        this.verified.delete(this.verified.keys().next().value as string);
      }
    }
    return viewer;
  }

  private async verify(token: string): Promise<{ viewer: Viewer; exp: number }> {
    try {
      const { payload } = await jwtVerify(token, this.key as Uint8Array, {
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        algorithms: this.settings.secret ? ['HS256'] : ['RS256', 'ES256', 'EdDSA', 'PS256'],
        requiredClaims: ['sub', 'exp'],
      });
      const employeeId = Number(payload.sub);
      const role = payload.role;
      if (!Number.isSafeInteger(employeeId) || employeeId < 1) {
        throw new UnauthenticatedError('the token subject must be an employee id');
      }
      if (typeof role !== 'string' || !(role in Role)) {
        throw new UnauthenticatedError(
          `the token role must be one of ${Object.keys(Role).join(', ')}`,
        );
      }
      // requiredClaims makes jose check that exp is there and a number.
      return { viewer: { employeeId, role: role as Role }, exp: payload.exp as number };
    } catch (error) {
      if (error instanceof UnauthenticatedError) throw error;
      if (error instanceof joseErrors.JWTExpired)
        throw new UnauthenticatedError('the token has expired');
      if (error instanceof joseErrors.JOSEError) {
        throw new UnauthenticatedError('the token is not valid for this service');
      }
      throw error;
    }
  }
}

/** Signs a token with a shared secret; used by `npm run token` and by the tests. */
export function signToken(
  settings: Pick<AuthSettings, 'issuer' | 'audience'> & { secret: Uint8Array },
  viewer: Viewer,
  expiresIn = '8h',
): Promise<string> {
  return new SignJWT({ role: viewer.role })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(String(viewer.employeeId))
    .setIssuer(settings.issuer)
    .setAudience(settings.audience)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(settings.secret);
}
