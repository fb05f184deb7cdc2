import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// `npm ci` on a fresh machine prints a warning for every dependency whose install script the
// project has not reviewed (npm 11's advisory; npm 12 skips them). The reviewed ones are in
// package.json's `allowScripts`; a new dependency with an install script fails here first.
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { allowScripts?: Record<string, boolean> };
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, { hasInstallScript?: boolean }> };

const nameOf = (path: string) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);

describe('install scripts', () => {
  it('every dependency with an install script is declared in allowScripts', () => {
    const withScripts = Object.entries(lock.packages)
      .filter(([path, p]) => path !== '' && p.hasInstallScript)
      .map(([path]) => nameOf(path));
    expect(withScripts.length).toBeGreaterThan(0);
    const allowed = pkg.allowScripts ?? {};
    expect(withScripts.filter((name) => !(name in allowed))).toEqual([]);
  });
});
