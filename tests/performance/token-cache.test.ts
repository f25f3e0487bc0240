import { afterEach, describe, expect, it, vi } from 'vitest';
import { Authenticator, Role, signToken, type AuthSettings } from '../../src/services/auth.service';

const settings: AuthSettings = {
  issuer: 'certscope',
  audience: 'certscope-api',
  secret: new TextEncoder().encode('a-test-secret-that-is-long-enough-for-hs256'),
  jwksUrl: null,
  development: false,
};
const sign = (expiresIn: string | number) =>
  signToken(
    { ...settings, secret: settings.secret! },
    { employeeId: 7, role: Role.MANAGER },
    expiresIn as string,
  );

describe('remembered token verifications', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('answers a token seen before with the same viewer, each time a copy', async () => {
    const auth = new Authenticator(settings);
    const token = await sign('1h');
    const first = await auth.viewer(`Bearer ${token}`);
    const second = await auth.viewer(`Bearer ${token}`);
    expect(second).toEqual({ employeeId: 7, role: Role.MANAGER });
    expect(second).toEqual(first);
    expect(second).not.toBe(first);
  });

  it('refuses a remembered token once it has expired', async () => {
    const auth = new Authenticator(settings);
    const now = Math.floor(Date.now() / 1000);
    const token = await sign(now + 60);
    await expect(auth.viewer(`Bearer ${token}`)).resolves.toBeTruthy();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime((now + 60) * 1000);
    await expect(auth.viewer(`Bearer ${token}`)).rejects.toThrow('the token has expired');
  });

  it('does not let a remembered token vouch for an altered one', async () => {
    const auth = new Authenticator(settings);
    const token = await sign('1h');
    await auth.viewer(`Bearer ${token}`);
    const [header, , signature] = token.split('.');
    const payload = Buffer.from(
      JSON.stringify({
        role: 'LND_ADMIN',
        sub: '7',
        iss: 'certscope',
        aud: 'certscope-api',
        exp: 9e9,
      }),
    ).toString('base64url');
    await expect(auth.viewer(`Bearer ${header}.${payload}.${signature}`)).rejects.toThrow(
      'the token is not valid for this service',
    );
  });
});
