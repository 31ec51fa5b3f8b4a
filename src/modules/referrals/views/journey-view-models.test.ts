import { describe, expect, it } from 'vitest';
import { codeWords, factorItems } from './journey-view-models.ts';

describe('factorItems', () => {
  it('lists the assessment factors in the order of their numbers, as the CIN census guidance does', () => {
    const codes = factorItems('2025-06-03', ['3A']).map((item) => item.value);
    expect(codes.slice(0, 4)).toEqual(['1A', '1B', '1C', '2A']);
    expect(codes.indexOf('9A')).toBeLessThan(codes.indexOf('10A'));
    expect(codes.indexOf('19C')).toBeLessThan(codes.indexOf('20'));
  });

  it('checks the factors already chosen', () => {
    const items = factorItems('2025-06-03', ['3A', '2B']);
    expect(items.filter((item) => item.checked).map((item) => item.value)).toEqual(['2B', '3A']);
  });
});

describe('codeWords', () => {
  it('gives a recorded code its words, keeping the code after them', () => {
    expect(codeWords('PrimaryNeedCode', '2025-06-03').N1).toBe('Abuse or neglect (N1)');
  });
});
