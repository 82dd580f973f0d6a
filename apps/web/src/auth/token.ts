// The session token lives in localStorage so that a reload keeps the user signed in. A tiny store
// (get / set / subscribe) lets the API client read it outside React and the UI react to sign-out.
const KEY = 'konkurs.token';
const listeners = new Set<() => void>();

function read(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

let current = read();

export const tokenStore = {
  get: (): string | null => current,
  set(token: string | null) {
    current = token;
    try {
      if (token) localStorage.setItem(KEY, token);
      else localStorage.removeItem(KEY);
    } catch {
      /* private mode: keep the token in memory only */
    }
    listeners.forEach((l) => l());
  },
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
