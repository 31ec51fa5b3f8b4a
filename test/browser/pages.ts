import type { Page } from 'playwright-core';
import { testPassword, type TestWorker } from '../support/world.ts';
import { verifyOnPage } from './support.ts';

/** Signs in through the real form, checking the sign-in and home pages on the way. */
export async function signInThroughTheForm(page: Page, address: string, worker: TestWorker): Promise<void> {
  await page.goto(`${address}/sign-in`);
  await verifyOnPage(page, 'Sign in to Hearth');
  await page.getByLabel('Email address').fill(worker.email);
  await page.getByLabel('Password', { exact: true }).fill(testPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await verifyOnPage(page, /^Welcome, /);
}
