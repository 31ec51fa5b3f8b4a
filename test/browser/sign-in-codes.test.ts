import { describe, expect, it } from 'vitest';
import { totpCodeAt } from '../../src/platform/totp.ts';
import { newCouncil, newWorker, testPassword } from '../support/world.ts';
import { signInThroughTheForm } from './pages.ts';
import { browserWorld, keepScreenshot, screenshotFolder, verifyOnPage } from './support.ts';

describe('sign-in codes in the browser', async () => {
  const { page, address, db } = await browserWorld();
  const council = await newCouncil(db);
  const worker = await newWorker(db, council, 'social-worker', { givenName: 'Jo' });

  it('sets up codes from the QR code page, then asks for a code after the password', async () => {
    await signInThroughTheForm(page, address, worker);
    await page.getByRole('link', { name: 'Sign-in codes' }).click();
    await verifyOnPage(page, 'Sign-in codes');
    await page.getByRole('button', { name: 'Set up sign-in codes' }).click();
    await verifyOnPage(page, 'Set up sign-in codes');
    await expect.poll(() => page.getByRole('img', { name: /QR code/ }).count()).toBe(1);
    const secret = (await page.locator('[data-qa="secret-key"]').innerText()).replaceAll(' ', '');
    await keepScreenshot(page, `${screenshotFolder}/sign-in-codes-set-up.png`);

    await page.getByLabel('Code from your authenticator app').fill('12345');
    await page.getByRole('button', { name: 'Turn on sign-in codes' }).click();
    await verifyOnPage(page, 'Set up sign-in codes');
    expect(await page.title()).toMatch(/^Error: /);
    await page.getByLabel('Code from your authenticator app').fill(totpCodeAt(secret, new Date()));
    await page.getByRole('button', { name: 'Turn on sign-in codes' }).click();
    await verifyOnPage(page, 'Sign-in codes');
    expect(await page.getByRole('main').innerText()).toContain('Sign-in codes are on');
    expect(await page.getByRole('main').innerText()).not.toContain(secret.slice(0, 8));
    await page.getByRole('button', { name: 'Sign out' }).click();

    await page.goto(`${address}/sign-in`);
    await page.getByLabel('Email address').fill(worker.email);
    await page.getByLabel('Password', { exact: true }).fill(testPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await verifyOnPage(page, 'Enter the code from your authenticator app');
    await page.getByRole('button', { name: 'Continue' }).click();
    await verifyOnPage(page, 'Enter the code from your authenticator app');
    expect(await page.title()).toMatch(/^Error: /);
    // The code of the next 30 seconds: the one typed at set-up cannot be used again.
    await page
      .getByLabel('Enter the code from your authenticator app')
      .fill(totpCodeAt(secret, new Date(Date.now() + 30_000)));
    await page.getByRole('button', { name: 'Continue' }).click();
    await verifyOnPage(page, /^Welcome, /);
  });
});
