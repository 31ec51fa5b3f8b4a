import { describe, expect, it } from 'vitest';
import { aChild, anEpisode, flagsOf, type TableRows } from '../test-builders.ts';

/** A social worker episode of the girl born 1 June 2010, open from 1 May 2025 after a change of team. */
const anSwEpisode = (overrides: Record<string, string> = {}): Record<string, string> => ({
  CHILD: '1',
  DOB: '01/06/2010',
  SW_ID: 'SW0001',
  SW_DECOM: '01/05/2025',
  SW_DEC: '',
  SW_REASON: 'ORGRST',
  ...overrides,
});
const workers = (...rows: Record<string, string>[]): TableRows => ({
  Header: [aChild()],
  Episodes: [anEpisode()],
  SWEpisodes: rows,
});
/** A first worker until `end`, then a second from `start`. */
const handover = (end: string, start: string, reason = 'LEFTRL'): TableRows =>
  workers(
    anSwEpisode({ SW_DECOM: '01/05/2024', SW_DEC: end }),
    anSwEpisode({ SW_ID: 'SW0002', SW_DECOM: start, SW_REASON: reason }),
  );

/** Looked after since 1 May 2023, before the two years of social worker episodes began. */
const inCareSince2023 = (...rows: Record<string, string>[]): TableRows => ({
  ...workers(...rows),
  Episodes: [anEpisode({ DECOM: '01/05/2023' })],
});

describe('SSDA903 social worker episode rules (2025–26)', () => {
  it('one open episode breaks no rule', () => {
    for (const rule of [
      'SW01aSTG1',
      'SW01bSTG1',
      'SW02STG1',
      'SW04STG1',
      'SW05STG1',
      'SW06STG2',
      'SW07STG2',
    ]) {
      expect(flagsOf(rule, workers(anSwEpisode())), rule).toEqual([]);
    }
    for (const rule of [
      'SW08STG2',
      'SW09STG2',
      'SW10STG2',
      'SW11bSTG2',
      'SW12STG2',
      'SW13STG1',
      'SW17STG2',
    ]) {
      expect(flagsOf(rule, workers(anSwEpisode())), rule).toEqual([]);
    }
  });

  it.each<[string, string, TableRows, string[]]>([
    ['SW01aSTG1', 'no start date', workers(anSwEpisode({ SW_DECOM: '' })), ['SWEpisodes:2']],
    [
      'SW01aSTG1',
      'no ID, starting 31/03/2023',
      workers(anSwEpisode({ SW_ID: '', SW_DECOM: '31/03/2023', SW_REASON: '' })),
      ['SWEpisodes:2'],
    ],
    [
      'SW01aSTG1',
      'no reason, starting 31/03/2023',
      workers(anSwEpisode({ SW_DECOM: '31/03/2023', SW_REASON: '' })),
      [],
    ],
    [
      'SW01bSTG1',
      'no reason, starting 01/04/2023',
      workers(anSwEpisode({ SW_DECOM: '01/04/2023', SW_REASON: '' })),
      ['SWEpisodes:2'],
    ],
    ['SW01bSTG1', 'no ID', workers(anSwEpisode({ SW_ID: '' })), ['SWEpisodes:2']],
    ['SW02STG1', 'ID AB0001', workers(anSwEpisode({ SW_ID: 'AB0001' })), ['SWEpisodes:2']],
    ['SW02STG1', 'ID XX0001', workers(anSwEpisode({ SW_ID: 'XX0001' })), []],
    ['SW04STG1', 'start 31/04/2025', workers(anSwEpisode({ SW_DECOM: '31/04/2025' })), ['SWEpisodes:2']],
    ['SW05STG1', 'end 2025-06-01', workers(anSwEpisode({ SW_DEC: '2025-06-01' })), ['SWEpisodes:2']],
    ['SW06STG2', 'start 01/04/2026', workers(anSwEpisode({ SW_DECOM: '01/04/2026' })), ['SWEpisodes:2']],
    ['SW06STG2', 'start 31/03/2026', workers(anSwEpisode({ SW_DECOM: '31/03/2026' })), []],
    [
      'SW07STG2',
      'ended 31/03/2024',
      workers(anSwEpisode({ SW_DECOM: '01/01/2024', SW_DEC: '31/03/2024' })),
      ['SWEpisodes:2'],
    ],
    [
      'SW07STG2',
      'ended 01/04/2024',
      workers(anSwEpisode({ SW_DECOM: '01/01/2024', SW_DEC: '01/04/2024' })),
      [],
    ],
    ['SW07STG2', 'ended 01/04/2026', workers(anSwEpisode({ SW_DEC: '01/04/2026' })), ['SWEpisodes:2']],
    ['SW08STG2', 'a second worker while the first is open', handover('', '01/06/2025'), ['SWEpisodes:2']],
    ['SW08STG2', 'the first ended', handover('01/06/2025', '01/06/2025'), []],
    [
      'SW09STG2',
      'began and ended 01/05/2025',
      workers(anSwEpisode({ SW_DEC: '01/05/2025' })),
      ['SWEpisodes:2'],
    ],
    ['SW10STG2', 'next worker 8 days after', handover('01/06/2025', '09/06/2025'), ['SWEpisodes:3']],
    ['SW10STG2', 'next worker 7 days after', handover('01/06/2025', '08/06/2025'), []],
    ['SW10STG2', 'next worker 8 days before', handover('01/06/2025', '24/05/2025'), ['SWEpisodes:3']],
    ['SW10STG2', 'next worker 7 days before', handover('01/06/2025', '25/05/2025'), []],
    ['SW10STG2', 'a month apart, reason FCONTA', handover('01/06/2025', '01/07/2025', 'FCONTA'), []],
    [
      'SW11bSTG2',
      'ended 26/03/2026, none after',
      workers(anSwEpisode({ SW_DEC: '26/03/2026' })),
      ['SWEpisodes:2'],
    ],
    [
      'SW11bSTG2',
      'ended 31/03/2026, none after',
      workers(anSwEpisode({ SW_DEC: '31/03/2026' })),
      ['SWEpisodes:2'],
    ],
    ['SW11bSTG2', 'ended 25/03/2026, none after', workers(anSwEpisode({ SW_DEC: '25/03/2026' })), []],
    ['SW11bSTG2', 'ended 28/03/2026, the next from 29/03/2026', handover('28/03/2026', '29/03/2026'), []],
    [
      'SW12STG2',
      'from 02/05/2025, care from 01/05/2025',
      workers(anSwEpisode({ SW_DECOM: '02/05/2025' })),
      ['SWEpisodes:2'],
    ],
    [
      'SW12STG2',
      'from 30/04/2025, care from 01/05/2025',
      workers(anSwEpisode({ SW_DECOM: '30/04/2025' })),
      [],
    ],
    [
      'SW12STG2',
      'care from 2023, workers from 01/04/2024',
      inCareSince2023(anSwEpisode({ SW_DECOM: '01/04/2024' })),
      [],
    ],
    [
      'SW12STG2',
      'care from 2023, workers from 02/04/2024',
      inCareSince2023(anSwEpisode({ SW_DECOM: '02/04/2024' })),
      ['SWEpisodes:2'],
    ],
    [
      'SW12STG2',
      'left care on 01/03/2026',
      {
        ...workers(anSwEpisode({ SW_DECOM: '02/05/2025' })),
        Episodes: [anEpisode({ DEC: '01/03/2026', REC: 'E11' })],
      },
      [],
    ],
    [
      'SW12STG2',
      'on a short break (V3)',
      { ...workers(anSwEpisode({ SW_DECOM: '02/05/2025' })), Episodes: [anEpisode({ LS: 'V3' })] },
      [],
    ],
    [
      'SW12STG2',
      'no social worker episode, other children have',
      workers(anSwEpisode({ CHILD: '2' })),
      ['Episodes:2'],
    ],
    ['SW12STG2', 'no social worker table', { Header: [aChild()], Episodes: [anEpisode()] }, []],
    ['SW13STG1', 'reason XXXX', workers(anSwEpisode({ SW_REASON: 'XXXX' })), ['SWEpisodes:2']],
    ['SW13STG1', 'no reason from 01/04/2023', workers(anSwEpisode({ SW_REASON: '' })), ['SWEpisodes:2']],
    [
      'SW17STG2',
      'the latest episode ended',
      workers(anSwEpisode({ SW_DEC: '01/03/2026' })),
      ['SWEpisodes:2'],
    ],
  ])('%s: %s', (rule, _situation, tables, expected) => {
    expect(flagsOf(rule, tables)).toEqual(expected);
  });
});
