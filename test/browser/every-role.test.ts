/// <reference lib="dom" />
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { roleNames, roles, type Role } from '../../src/platform/permissions.ts';
import { aTeamWithAnAllocatedChild, anOpenEpisode } from '../support/journey.ts';
import { addToAuditSample, allocate, newWorker, signedInAs, type TestWorker } from '../support/world.ts';
import { browserWorld, keepScreenshot, screenshotFolder } from './support.ts';

/**
 * Every role's menu walked at 1280 px and at 320 px (issue 17's acceptance): each page the menu and its
 * sub-navigation lead to, as a person of that role, opens with one h1; at 1280 px the menu sits on one row; at
 * 320 px nothing scrolls sideways. Screenshots go to test-results/screenshots/roles/ to be looked at. axe is left
 * to the tour of every page, which runs it on every page route, and to the browser tests of each task (it doubled
 * this walk's four minutes in CI).
 */
const folder = `${screenshotFolder}/roles`;

/** The addresses of the menu and of the sub-navigation on the page the browser is on. */
const menuLinks = (page: Page) =>
  page.evaluate(() =>
    [
      ...document.querySelectorAll<HTMLAnchorElement>(
        '.govuk-service-navigation__list a, .hearth-sub-navigation a',
      ),
    ].map((link) => new URL(link.href).pathname),
  );

/** How many rows the menu's entries take: the distinct tops of its items. */
const menuRows = (page: Page) =>
  page.evaluate(
    () =>
      new Set(
        [...document.querySelectorAll<HTMLElement>('.govuk-service-navigation__item')].map((item) =>
          Math.round(item.getBoundingClientRect().top),
        ),
      ).size,
  );

describe('every role’s menu, at 1280 px and at 320 px', async () => {
  const world = await browserWorld();
  const { app, db, address } = world;
  const browser = world.page.context().browser()!;
  mkdirSync(folder, { recursive: true });
  const { council, team, worker, manager, child } = await aTeamWithAnAllocatedChild(db, {
    givenName: 'Jordan',
    familyName: 'Okafor',
    dateOfBirth: '2014-03-14',
  });
  await anOpenEpisode(db, child, worker, { referralDate: '2026-09-01' });
  const people = new Map<Role, TestWorker>([
    ['social-worker', worker],
    ['team-manager', manager],
  ]);
  for (const role of roles)
    if (!people.has(role)) {
      const person = await newWorker(
        db,
        council,
        role,
        role.endsWith('officer') || role === 'personal-adviser' ? { team } : {},
      );
      people.set(role, person);
      if (role === 'personal-adviser' || role === 'independent-reviewing-officer')
        await allocate(db, child, person, { caseRole: role === 'personal-adviser' ? 'co-worker' : role });
      if (role === 'auditor') await addToAuditSample(db, person, [child]);
    }

  it.each(roles.map((role) => [roleNames[role].toLowerCase(), role] as const))(
    'as a %s',
    async (_name, role) => {
      const signedIn = await signedInAs(app, people.get(role)!);
      const context = await browser.newContext({ timezoneId: 'Europe/London', locale: 'en-GB' });
      await context.addCookies([...signedIn.cookies].map(([name, value]) => ({ name, value, url: address })));
      const page = await context.newPage();
      const problems: string[] = [];
      try {
        await page.setViewportSize({ width: 1280, height: 900 });
        await page.goto(`${address}/home`);
        const toVisit = new Set(await menuLinks(page));
        const visited = new Set<string>();
        while (visited.size < toVisit.size) {
          const path = [...toVisit].find((href) => !visited.has(href))!;
          visited.add(path);
          await page.setViewportSize({ width: 1280, height: 900 });
          const response = await page.goto(`${address}${path}`);
          if (response?.status() !== 200) problems.push(`${path}: ${response?.status()}`);
          await expect.poll(() => page.getByRole('heading', { level: 1 }).count()).toBe(1);
          for (const href of await menuLinks(page)) toVisit.add(href);
          const rows = await menuRows(page);
          if (rows !== 1) problems.push(`${path}: the menu takes ${rows} rows at 1280 px`);
          const name = `${role}${path.replaceAll('/', '-')}`;
          await keepScreenshot(page, `${folder}/${name}.png`);
          await page.setViewportSize({ width: 320, height: 900 });
          await page.reload();
          await expect.poll(() => page.getByRole('heading', { level: 1 }).count()).toBe(1);
          const overflow = await page.evaluate(
            () => document.documentElement.scrollWidth - window.innerWidth,
          );
          if (overflow > 0) problems.push(`${path}: ${overflow} px wider than a 320 px phone`);
          await keepScreenshot(page, `${folder}/${name}-320.png`);
        }
        expect(visited.size).toBeGreaterThan(1);
      } finally {
        await context.close();
      }
      expect(problems).toEqual([]);
    },
    300_000,
  );
});
