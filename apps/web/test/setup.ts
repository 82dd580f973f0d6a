// jsdom lacks a few browser APIs Mantine relies on.
import { afterEach } from 'vitest';
import { cleanup, configure } from '@testing-library/react';
import { loadAreaDictionaries } from '../src/i18n';

// Screens of the role areas are rendered directly in tests, not through areas.tsx: their words first.
await loadAreaDictionaries();

// A shared 2-core machine running the API suites beside: a dialog's closing transition can outlast the default 1 s.
configure({ asyncUtilTimeout: 5_000 });

afterEach(() => {
  cleanup();
  localStorage.clear();
});

Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string) => ({
    matches: false, media: query, onchange: null,
    addListener: () => {}, removeListener: () => {}, addEventListener: () => {}, removeEventListener: () => {}, dispatchEvent: () => false,
  }),
});

class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
window.ResizeObserver ??= ResizeObserverStub as unknown as typeof ResizeObserver;
window.HTMLElement.prototype.scrollIntoView ??= () => {};
