import { describe, expect, it } from 'vitest';
import { loadPopulation } from '../../src/modules/performance/service.ts';
import { anOpenEpisode } from '../support/journey.ts';
import { allocate, newChild, newCouncil, newTeam, newWorker } from '../support/world.ts';
import { signInThroughTheForm } from './pages.ts';
import { browserWorld, keepScreenshot, screenshotFolder, verifyOnPage } from './support.ts';

const ages = Array.from({ length: 91 }, (_, age) => String(age));

describe('how the service is doing: the dashboard and a figure’s children (issue 20, part 4)', async () => {
  const { page, address, db } = await browserWorld();
  const council = await newCouncil(db, 'Testshire');
  const north = await newTeam(db, council, { name: 'North assessment team' });
  const south = await newTeam(db, council, { name: 'South assessment team' });
  const northWorker = await newWorker(db, council, 'social-worker', { team: north });
  const southWorker = await newWorker(db, council, 'social-worker', { team: south });
  const manager = await newWorker(db, council, 'team-manager', { team: north, manages: true });
  const analyst = await newWorker(db, council, 'performance-analyst');
  // Jordan (North) and Riley (South) were referred in Q2 2026–27 (July to September 2026), Sam (North) in Q1.
  const jordan = await newChild(db, council, {
    givenName: 'Jordan',
    familyName: 'Okafor',
    dateOfBirth: '2017-04-12',
  });
  const riley = await newChild(db, council, {
    givenName: 'Riley',
    familyName: 'Hughes',
    dateOfBirth: '2015-09-01',
  });
  const sam = await newChild(db, council, {
    givenName: 'Sam',
    familyName: 'Patel',
    dateOfBirth: '2019-01-20',
  });
  await allocate(db, jordan, northWorker, { from: '2026-08-03' });
  await allocate(db, riley, southWorker, { from: '2026-09-01' });
  await allocate(db, sam, northWorker, { from: '2026-05-11' });
  await anOpenEpisode(db, jordan, northWorker, { referralDate: '2026-08-03' });
  await anOpenEpisode(db, riley, southWorker, { referralDate: '2026-09-01' });
  await anOpenEpisode(db, sam, northWorker, { referralDate: '2026-05-11' });
  const mye2 = [
    ['Code', 'Name', 'Geography', 'All ages', ...ages].join(','),
    ['E06000001', 'Testshire', 'UA', '1', ...ages.map(() => '2000')].join(','),
  ].join('\n');
  await loadPopulation(db, council.id, mye2, { source: 'mye2.csv', areaCode: 'E06000001', midYear: 2026 });

  it(
    'shows a team manager the tiles, a figure by team and the children behind it they may see',
    { timeout: 300_000 },
    async () => {
      await signInThroughTheForm(page, address, manager);
      await page.goto(`${address}/performance?asAt=2026-09-30`);
      await verifyOnPage(page, 'How the service is doing');
      const referrals = page.locator('.hearth-tile', {
        has: page.getByRole('link', { name: 'Referrals', exact: true }),
      });
      // As at 30 September 2026 the last whole quarter is Q2 2026–27; the trend's text alternative names each.
      const trend = await referrals.getByRole('img').getAttribute('aria-label');
      expect(trend).toMatch(/^Referrals, quarter by quarter from Q\d \d{4}–\d\d to Q\d \d{4}–\d\d\. /);
      expect(trend).toContain('Q1 2026–27: 1; Q2 2026–27: 2');
      for (const width of [1280, 390]) {
        await page.setViewportSize({ width, height: 900 });
        await keepScreenshot(page, `${screenshotFolder}/performance-${width}.png`);
      }
      await page.setViewportSize({ width: 1280, height: 900 });

      await page.goto(`${address}/performance/referrals?asAt=2026-09-30`);
      await verifyOnPage(page, 'Referrals');
      const main = await page.locator('main').innerText();
      expect(main).toContain('North assessment team');
      expect(main).toContain('South assessment team');
      // 2 × 10,000 / (18 × 2,000) = 0.6 per 10,000.
      expect(main).toContain('0.6 per 10,000 children');
      await keepScreenshot(page, `${screenshotFolder}/performance-indicator-1280.png`);
      await page.getByRole('link', { name: 'The children counted' }).click();
      await verifyOnPage(page, 'Referrals: the children counted');
      const names = await page.locator('main').innerText();
      expect(names).toContain('Jordan Okafor');
      expect(names).not.toContain('Riley');
      expect(names).toContain('1 of them is outside your caseload and teams');
    },
  );

  it('shows an analyst the counts behind a figure without names', { timeout: 300_000 }, async () => {
    await page.context().clearCookies();
    await signInThroughTheForm(page, address, analyst);
    await page.goto(`${address}/performance/referrals?asAt=2026-09-30`);
    await verifyOnPage(page, 'Referrals');
    const main = await page.locator('main').innerText();
    expect(main).toContain('figure counts 2 children');
    expect(main).toContain('Your role sees figures without children’s names');
    expect(await page.getByRole('link', { name: 'The children counted' }).count()).toBe(0);
    await page.setViewportSize({ width: 390, height: 900 });
    await keepScreenshot(page, `${screenshotFolder}/performance-indicator-390.png`);
    const refused = await page.goto(`${address}/performance/referrals/children`);
    expect(refused?.status()).toBe(403);
  });
});
