import { describe, expect, it } from 'vitest';
import { aTeamWithAnAllocatedChild } from '../../../test/support/journey.ts';
import { signedInAs, testServer } from '../../../test/support/world.ts';

describe('the child’s full record', async () => {
  const { app, db } = await testServer();

  async function world() {
    const team = await aTeamWithAnAllocatedChild(db);
    return { ...team, browser: await signedInAs(app, team.worker) };
  }
  const stored = (childId: string) =>
    db.selectFrom('children').selectAll().where('id', '=', childId).executeTakeFirstOrThrow();

  it('keeps identity changes as versions and shows them', async () => {
    const { child, browser } = await world();
    const response = await browser.request({
      method: 'PATCH',
      url: `/api/children/${child.id}/identity`,
      json: {
        version: 1,
        upn: 'a123 4567 89012',
        nhsNumber: '943 476 5919',
        sex: 'M',
        ethnicity: 'WBRI',
        disabilities: ['AUT'],
        reason: 'From the school',
      },
    });
    expect(response.json()).toEqual({ version: 2 });
    expect(await stored(child.id)).toMatchObject({
      upn: 'A123456789012',
      nhs_number: '9434765919',
      sex: 'M',
      ethnicity: 'WBRI',
      disabilities: ['AUT'],
    });
    const page = await browser.get(`/children/${child.id}/record`);
    expect(page.body).toContain('943 476 5919');
    expect(page.body).toContain('Version 2');
    expect(page.body).toContain('From the school');
  });

  it.each([
    ['a wrong UPN check letter', { upn: 'B123456789012' }, 'upn', 'The UPN’s check letter is wrong'],
    [
      'a wrong NHS number check digit',
      { nhsNumber: '9434765918' },
      'nhsNumber',
      'The NHS number’s check digit is wrong',
    ],
    [
      'an unknown ethnicity code',
      { ethnicity: 'XXXX' },
      'ethnicity',
      'Select the child’s ethnicity from the list',
    ],
    ['an unknown disability code', { disabilities: ['NOPE'] }, 'disabilities', 'NOPE is not a DfE code'],
  ])(
    'refuses %s through the API with the field’s path, writing nothing',
    async (_name, change, path, message) => {
      const { child, browser } = await world();
      const response = await browser.request({
        method: 'PATCH',
        url: `/api/children/${child.id}/identity`,
        json: { version: 1, ...change },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().errors).toEqual([{ path, message: expect.stringContaining(message) }]);
      expect(await stored(child.id)).toMatchObject({
        version: 1,
        upn: null,
        nhs_number: null,
        ethnicity: null,
      });
    },
  );

  it('refuses a wrong UPN on the page with the error summary, keeping what was typed', async () => {
    const { child, browser } = await world();
    await browser.get(`/children/${child.id}/identity`);
    const response = await browser.post(`/children/${child.id}/identity`, {
      version: '1',
      upn: 'B123456789012',
      religion: 'Quaker',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('<title>Error: ');
    expect(response.body).toContain('href="#upn"');
    expect(response.body).toContain('value="B123456789012"');
    expect(response.body).toContain('value="Quaker"');
    expect((await stored(child.id)).religion).toBeNull();
  });

  it('refuses a stale edit with 409 and what changed since, overwriting nothing', async () => {
    const { child, browser } = await world();
    await browser.request({
      method: 'PATCH',
      url: `/api/children/${child.id}/identity`,
      json: { version: 1, religion: 'Buddhist' },
    });
    const stale = await browser.request({
      method: 'PATCH',
      url: `/api/children/${child.id}/identity`,
      json: { version: 1, religion: 'Hindu' },
    });
    expect(stale.statusCode).toBe(409);
    expect((await stored(child.id)).religion).toBe('Buddhist');
    await browser.get(`/children/${child.id}/identity`);
    const page = await browser.post(`/children/${child.id}/identity`, { version: '1', religion: 'Sikh' });
    expect(page.statusCode).toBe(409);
    expect(page.body).toContain('religion: was “not recorded”, now “Buddhist”');
    expect((await stored(child.id)).religion).toBe('Buddhist');
  });

  it('keeps the address history and warnings with their review dates', async () => {
    const { child, browser } = await world();
    const url = `/api/children/${child.id}/addresses`;
    expect(
      (
        await browser.request({
          method: 'POST',
          url,
          json: { line1: '1 High Street', postcode: 'ls1 4ap', from: '2023-01-01' },
        })
      ).statusCode,
    ).toBe(201);
    await browser.request({
      method: 'POST',
      url,
      json: { line1: '2 Low Road', postcode: 'LS2 7EW', from: '2025-03-01' },
    });
    const future = await browser.request({
      method: 'POST',
      url,
      json: { line1: '3 Lane', from: '2099-01-01' },
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0].path).toBe('from');
    const flag = await browser.request({
      method: 'POST',
      url: `/api/children/${child.id}/flags`,
      json: {
        kind: 'risk-to-staff',
        description: 'Dog at the property',
        from: '2025-01-01',
        reviewBy: '2024-12-01',
      },
    });
    expect(flag.json().errors[0].path).toBe('reviewBy');
    await browser.request({
      method: 'POST',
      url: `/api/children/${child.id}/flags`,
      json: {
        kind: 'risk-to-staff',
        description: 'Dog at the property',
        from: '2025-01-01',
        reviewBy: '2026-01-01',
      },
    });
    const addresses = await db
      .selectFrom('child_addresses')
      .select(['line1', 'to_date'])
      .where('child_id', '=', child.id)
      .orderBy('from_date')
      .execute();
    expect(addresses).toEqual([
      { line1: '1 High Street', to_date: '2025-03-01' },
      { line1: '2 Low Road', to_date: null },
    ]);
    const page = await browser.get(`/children/${child.id}/record`);
    expect(page.body).toContain('Risk to staff: Dog at the property (review by 1 January 2026)');
    expect(page.body).toContain('2 Low Road, LS2 7EW');
  });

  it('keeps the family and network as people with dated relationships', async () => {
    const { child, browser } = await world();
    const url = `/api/children/${child.id}/relationships`;
    const mother = await browser.request({
      method: 'POST',
      url,
      json: {
        givenName: 'Dana',
        familyName: 'Taylor',
        relationship: 'mother',
        parentalResponsibility: true,
        from: '2015-03-27',
      },
    });
    expect(mother.statusCode).toBe(201);
    await browser.request({
      method: 'POST',
      url,
      json: {
        givenName: 'Ms',
        familyName: 'Okoro',
        organisation: 'Hillside Primary',
        relationship: 'professional',
      },
    });
    const bad = await browser.request({
      method: 'POST',
      url,
      json: { givenName: 'Al', familyName: 'Taylor', relationship: 'uncle-ish', dateOfBirth: '2099-01-01' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((error: { path: string }) => error.path)).toEqual([
      'relationship',
      'dateOfBirth',
    ]);
    const page = await browser.get(`/children/${child.id}/record`);
    expect(page.body).toContain('Dana Taylor');
    expect(page.body).toContain('Mother, parental responsibility');
    expect(page.body).toContain('Ms Okoro (Hillside Primary)');
    expect(
      await db.selectFrom('child_relationships').selectAll().where('child_id', '=', child.id).execute(),
    ).toHaveLength(2);
  });

  it('adds a warning through its page, refusing a review date before it applies, keeping what was typed', async () => {
    const { child, browser } = await world();
    await browser.get(`/children/${child.id}/flags/new`);
    const fields = {
      kind: 'risk-to-staff',
      description: 'Dog at the property',
      'from-day': '1',
      'from-month': '2',
      'from-year': '2025',
      'reviewBy-day': '1',
      'reviewBy-month': '1',
      'reviewBy-year': '2025',
    };
    const refused = await browser.post(`/children/${child.id}/flags/new`, fields);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('href="#reviewBy"');
    expect(refused.body).toContain('Dog at the property');
    expect(
      await db.selectFrom('child_flags').selectAll().where('child_id', '=', child.id).execute(),
    ).toHaveLength(0);
    const saved = await browser.post(`/children/${child.id}/flags/new`, {
      ...fields,
      'reviewBy-year': '2026',
    });
    expect(saved.statusCode).toBe(303);
    expect((await browser.get(`/children/${child.id}/record`)).body).toContain('review by 1 January 2026');
  });
});
