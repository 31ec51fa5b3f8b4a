import { describe, expect, it } from 'vitest';
import { newCouncil, newWorker, signedInAs, testServer } from '../../../test/support/world.ts';

describe('the home page', async () => {
  const { app, db } = await testServer();

  it('lists every section a service manager may use, though the menu shows them in groups', async () => {
    const council = await newCouncil(db);
    const home = (await (await signedInAs(app, await newWorker(db, council, 'service-manager'))).get('/home'))
      .body;
    const list = home.slice(home.lastIndexOf('<ul class="govuk-list">'));
    for (const section of [
      'Children',
      'Find a child',
      'My caseload',
      'Team caseloads',
      'Timescales',
      'Audit trail',
    ])
      expect(list).toContain(`>${section}</a>`);
    expect(list).not.toContain('>Work</a>');
    expect(list).not.toContain('>Service</a>');
    // The menu itself carries the groups, with the service manager's sections in them.
    expect(home).toMatch(/govuk-service-navigation__link"[^>]*>\s*Work\s*</);
  });
});
