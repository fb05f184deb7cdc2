import { afterEach, beforeEach, vi } from 'vitest';

// An unexpected console.error fails the test that caused it. A test that expects one
// calls `expectConsoleError()` to take the messages over.
const seen: unknown[][] = [];

beforeEach(() => {
  seen.length = 0;
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    seen.push(args);
  });
});

afterEach(() => {
  vi.mocked(console.error).mockRestore();
  if (seen.length > 0) {
    const text = seen.map((a) => a.map(String).join(' ')).join('\n');
    seen.length = 0;
    throw new Error(`console.error was called:\n${text}`);
  }
});

export function expectConsoleError(): unknown[][] {
  const taken = seen.splice(0, seen.length);
  return taken;
}
