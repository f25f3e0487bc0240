/**
 * The bearer token lives in sessionStorage: it survives a reload but not the tab, and no
 * other tab or later visitor of this browser profile finds it.
 */
const KEY = 'certscope.token';

export function storedToken(): string | null {
  return sessionStorage.getItem(KEY);
}

/** Accepts a pasted token with or without its "Bearer " prefix and stray whitespace. */
export function storeToken(raw: string): string | null {
  const token = raw
    .trim()
    .replace(/^bearer\s+/i, '')
    .replace(/\s+/g, '');
  if (token === '') return null;
  sessionStorage.setItem(KEY, token);
  return token;
}

export function forgetToken(): void {
  sessionStorage.removeItem(KEY);
}
