import { describe, expect, it } from 'vitest';
import { indicatorById } from '../../../domain/indicators/index.ts';
import { axisTop, columnChart, trendLine } from './charts.ts';
import { changeWords, shownValue } from './figure-words.ts';

describe('charts drawn as SVG (ADR 11)', () => {
  it.each([
    [[0, 0], 1],
    [[3], 5],
    [[12, 7], 20],
    [[45.2, 61], 100],
    [[180], 200],
    [[2100], 2500],
  ])('the axis over %o tops at %i', (values, top) => {
    expect(axisTop(values)).toBe(top);
  });

  it('breaks the trend where a quarter has no figure, and marks the last point', () => {
    const svg = trendLine(
      [
        { label: 'Q1', value: 1 },
        { label: 'Q2', value: 2 },
        { label: 'Q3', value: null },
        { label: 'Q4', value: 4 },
        { label: 'Q5', value: 5 },
      ],
      'Five <quarters>',
    );
    expect(svg.match(/<polyline/g)).toHaveLength(2);
    expect(svg).toContain('<circle');
    expect(svg).toContain('aria-label="Five &#60;quarters&#62;"');
    expect(svg).not.toMatch(/style=|<script/);
  });

  it('writes each column’s value in words and its quarter under it, with no column for no figure', () => {
    const svg = columnChart(
      [
        { label: 'Q1 2026–27', value: 45.2 },
        { label: 'Q2 2026–27', value: null },
      ],
      'Two quarters',
      (value) => `${value}%`,
    );
    expect(svg.match(/<rect/g)).toHaveLength(1);
    expect(svg).toContain('>45.2%<');
    expect(svg).toContain('>none<');
    expect(svg).toContain('>2026–27<');
  });
});

describe('figures in words', () => {
  const reReferrals = indicatorById('re-referrals-12m')!;
  const contacts = indicatorById('contacts')!;
  it('writes percentages to one place, counts with thousands', () => {
    expect(shownValue(reReferrals, 20)).toBe('20.0%');
    expect(shownValue(contacts, 12345)).toBe('12,345');
    expect(shownValue(contacts, null)).toBe('No figure');
  });

  it('says whether a change is better, worse or neither', () => {
    // Fewer re-referrals are better.
    expect(changeWords(reReferrals, { label: 'Q2', value: 18 }, { label: 'Q1', value: 21.5 })).toEqual({
      text: 'Down from 21.5% in Q1: better',
      direction: 'better',
    });
    expect(changeWords(contacts, { label: 'Q2', value: 900 }, { label: 'Q1', value: 800 })).toEqual({
      text: 'Up from 800 in Q1',
      direction: 'neither',
    });
    expect(changeWords(contacts, { label: 'Q2', value: 900 }, undefined).direction).toBe('neither');
  });
});
