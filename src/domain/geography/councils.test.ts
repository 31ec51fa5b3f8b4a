import { describe, expect, it } from 'vitest';
import { allCouncils, councilOf, councilOfDistrict, isInCouncilArea } from './councils.ts';

describe('councils with children’s services', () => {
  it('lists the 153 councils of England from April 2025, each number and code once', () => {
    const councils = allCouncils();
    expect(councils).toHaveLength(153);
    expect(new Set(councils.map((council) => council.number)).size).toBe(153);
    expect(new Set(councils.map((council) => council.gss)).size).toBe(153);
  });

  it.each([
    ['886', 'E10000016', 'Kent'],
    ['e10000016', 'E10000016', 'Kent'],
    [' 202 ', 'E09000007', 'Camden'],
    ['942', 'E06000063', 'Cumberland'],
    ['E08000038', 'E08000038', 'Barnsley'],
    ['E08000016', 'E08000038', 'Barnsley'],
    ['E10000023', 'E06000065', 'North Yorkshire'],
  ])('%s names %s (%s)', (code, gss, name) => {
    expect(councilOf(code)).toMatchObject({ gss, name });
  });

  it.each(['909', 'E07000107', 'W06000015', 'KENT', ''])('%s names no council', (code) => {
    expect(councilOf(code)).toBeUndefined();
  });

  it.each([
    ['E07000107', 'E10000016'],
    ['E07000240', 'E10000015'],
    ['E06000035', 'E06000035'],
    ['E09000022', 'E09000022'],
  ])('the council of district %s is %s', (district, gss) => {
    expect(councilOfDistrict(district)?.gss).toBe(gss);
  });

  it.each(['E07000026', 'W06000015', 'S12000036'])('district %s has no English council', (district) => {
    expect(councilOfDistrict(district)).toBeUndefined();
  });

  it.each<[string, string, boolean]>([
    ['E07000129', 'E10000018', true], // Blaby, in Leicestershire
    ['E07000135', '855', true], // Oadby and Wigston, by Leicestershire's DfE number
    ['E07000134', 'E10000018', true], // North West Leicestershire
    ['E06000016', 'E10000018', false], // Leicester is a council of its own, not the county's
    ['E08000025', 'E10000018', false], // Birmingham
    ['E06000016', '856', true], // Leicester, by its DfE number
    ['E07000107', 'E07000107', true], // a district's own code, compared as it stands
    ['E06000035', 'E07000107', false],
  ])('a place in district %s is in the area of council %s: %s', (district, council, inArea) => {
    expect(isInCouncilArea(district, council)).toBe(inArea);
  });
});
