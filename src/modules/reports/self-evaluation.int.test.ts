import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { financialYear } from '../../domain/indicators/index.ts';
import { ILACS_AREAS } from '../../domain/reports/self-evaluation.ts';
import { anOpenEpisode } from '../../../test/support/journey.ts';
import {
  allocate,
  newChild,
  newCouncil,
  newWorker,
  signedInAs,
  testServer,
} from '../../../test/support/world.ts';
import { figuresFor } from '../performance/service.ts';

describe('the self-evaluation of social work practice (issue 20, part 5)', async () => {
  const { app, db } = await testServer();
  const council = await newCouncil(db, 'Selfshire');
  const worker = await newWorker(db, council, 'social-worker');
  const director = await newWorker(db, council, 'director');
  const [ada, bea] = [await newChild(db, council), await newChild(db, council)];
  await allocate(db, ada, worker, { from: '2025-01-01' });
  await allocate(db, bea, worker, { from: '2025-01-01' });
  // Three referrals in 2025–26, Ada's second within 12 months of her first: 1 of 3 re-referred.
  await anOpenEpisode(db, ada, worker, { referralDate: '2025-04-14', closedOn: '2025-05-30' });
  await anOpenEpisode(db, ada, worker, { referralDate: '2025-09-01' });
  await anOpenEpisode(db, bea, worker, { referralDate: '2025-06-02' });
  const browser = await signedInAs(app, director);

  it('drafts each ILACS area from the figures the dashboard shows for the year', async () => {
    const page = await browser.get('/performance/reports/self-evaluation/2025');
    expect(page.statusCode).toBe(200);
    for (const { heading } of ILACS_AREAS) expect(page.body).toContain(heading);
    const year = await figuresFor(db, council.id, financialYear(2025));
    const figure = (id: string) => year.results.find((one) => one.definition.id === id)!.figure;
    expect(figure('referrals').numerator).toBe(3);
    expect(page.body).toContain(`${figure('referrals').numerator} referrals were made`);
    expect(page.body).toContain(
      '33.3% of referrals were of a child referred in the 12 months before (1 of 3)',
    );
    expect(page.body).toContain('Hearth does not yet record case audits');
    expect(page.body).toContain('Not yet written.');
  });

  it('keeps the answers, and refuses one too long naming its field', async () => {
    const form = await browser.get('/performance/reports/self-evaluation/2025/words');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('33.3% of referrals were of a child referred in the 12 months before');
    const refused = await browser.post('/performance/reports/self-evaluation/2025/words', {
      'leadership-known': 'Leaders know their services well.',
      'care-leavers-next': 'x'.repeat(10_001),
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('href="#care-leavers-next"');
    expect(refused.body).toContain('must be 10,000 characters or fewer');
    expect(refused.body).toContain('Leaders know their services well.');

    const saved = await browser.post('/performance/reports/self-evaluation/2025/words', {
      'leadership-known': 'Leaders know their services well.',
      'help-and-protection-how': 'Monthly audits of 40 cases.',
    });
    expect(saved.statusCode).toBe(303);
    const page = await browser.get('/performance/reports/self-evaluation/2025');
    expect(page.body).toContain('Leaders know their services well.');
    expect(page.body).toContain('Monthly audits of 40 cases.');
    expect(page.body).toMatch(/Last changed by [^<]+ on \d+ \w+ \d{4}\./);
    const audited = await db
      .selectFrom('audit_log')
      .select('action')
      .where('council_id', '=', council.id)
      .where('action', '=', 'self-evaluation.words-saved')
      .execute();
    expect(audited).toHaveLength(1);
  });

  it('downloads as HTML, Word and PDF', { timeout: 120_000 }, async () => {
    const html = await browser.get('/performance/reports/self-evaluation/2025?format=html');
    expect(html.headers['content-disposition']).toContain('self-evaluation-2025-26.html');
    expect(html.body).toMatch(/^<!DOCTYPE html>/);
    expect(html.body).toContain('Leaders know their services well.');

    const word = await app.inject({
      url: '/performance/reports/self-evaluation/2025?format=docx',
      headers: { cookie: [...browser.cookies].map(([name, value]) => `${name}=${value}`).join('; ') },
    });
    expect(word.statusCode).toBe(200);
    const file = join(mkdtempSync(join(tmpdir(), 'hearth-self-evaluation-')), 'self-evaluation.docx');
    writeFileSync(file, word.rawPayload);
    const xml = spawnSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8' }).stdout;
    for (const { heading } of ILACS_AREAS) expect(xml).toContain(heading);
    expect(xml).toContain('Monthly audits of 40 cases.');

    const pdf = await app.inject({
      url: '/performance/reports/self-evaluation/2025?format=pdf',
      headers: { cookie: [...browser.cookies].map(([name, value]) => `${name}=${value}`).join('; ') },
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('finds no year outside the range', async () => {
    expect((await browser.get('/performance/reports/self-evaluation/1999')).statusCode).toBe(404);
    expect((await browser.get('/performance/reports/self-evaluation/25')).statusCode).toBe(400);
  });
});
