import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';

/** The print styles every document Hearth prints on its own starts from. */
export const printDocumentStyles = readFileSync(join(import.meta.dirname, 'print-document.css'), 'utf8');

/** Debian's Chromium, headless, without the background networking this network refuses (as the browser tests). */
export async function startChromium(): Promise<Browser> {
  // Loaded here, not with the server: only printing needs it, and loading it is a large part of a start.
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: process.env.HEARTH_CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-sync',
    ],
  });
}

/**
 * A self-contained HTML document printed to PDF on A4 by Chromium, with `footer` (plain text, escaped here)
 * and the page number at the foot of every page: committee reports and subject access exports.
 */
export async function printToPdf(html: string, footer: string): Promise<Buffer> {
  const browser = await startChromium();
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    const escaped = footer.replace(/[&<>"]/g, (character) => `&#${character.charCodeAt(0)};`);
    return await page.pdf({
      format: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: `<div style="font-size:8pt;font-family:Arial;width:100%;text-align:center;color:#505a5f">${escaped} · page <span class="pageNumber"></span> of <span class="totalPages"></span></div>`,
      margin: { top: '16mm', bottom: '18mm', left: '14mm', right: '14mm' },
    });
  } finally {
    await browser.close();
  }
}
