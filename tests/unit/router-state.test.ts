import { describe, expect, it } from 'vitest';
import { routerStateRefused } from '@/lib/http/router-state';

// What the browser's router sends on a client navigation (captured from /tickets → /contacts),
// and what a forged request may send instead.
const fromTickets = encodeURIComponent(
  JSON.stringify([
    '',
    { children: ['(portal)', { children: ['tickets', { children: ['__PAGE__', {}, null, null, 0] }, null, null, 0] }, null, null, 0] },
    null,
    null,
    16,
  ]),
);

describe('the router state header', () => {
  it("the router's own is accepted, and so is its absence", () => {
    expect(routerStateRefused('1', null)).toBe(false);
    expect(routerStateRefused('1', fromTickets)).toBe(false);
    expect(routerStateRefused('1', encodeURIComponent('["",{}]'))).toBe(false);
  });

  it('without `RSC: 1` Next does not read it, and neither does the check', () => {
    expect(routerStateRefused(undefined, 'garbage')).toBe(false);
    expect(routerStateRefused('0', 'garbage')).toBe(false);
    expect(routerStateRefused(['1', '1'], 'garbage')).toBe(false);
  });

  it('anything Next could not read is refused', () => {
    for (const forged of [
      'garbage',
      '',
      '%ZZ',
      encodeURIComponent('[]'),
      encodeURIComponent('{}'),
      encodeURIComponent('[1,{}]'),
      encodeURIComponent('["",{"children":"x"}]'),
      `${fromTickets}, ${fromTickets}`, // the header sent twice, as the Headers API joins it
      encodeURIComponent(`["",{${Array.from({ length: 2100 }, (_, i) => `"p${i}":["",{}]`).join(',')}}]`), // over Next's 40 KB
    ]) {
      expect(routerStateRefused('1', forged), forged.slice(0, 40)).toBe(true);
    }
  });
});
