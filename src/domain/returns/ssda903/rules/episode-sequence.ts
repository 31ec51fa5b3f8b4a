import { flagRows, type Ssda903Rule } from '../context.ts';

/** Reasons for a new episode that continue a period of care already running. */
const continuing = new Set(['P', 'L', 'T', 'U', 'B']);

/** SSDA903 rules of 2025–26 on how a child's episodes follow one another (episodes are in DECOM order). */
export const episodeSequenceRules: readonly Ssda903Rule[] = [
  {
    code: '142',
    message: 'A new episode has started, but the previous episode has not ended.',
    tables: ['Episodes'],
    fields: ['DEC', 'REC'],
    years: { from: 2025 },
    check: (child) =>
      flagRows(
        child.Episodes,
        (row, index) =>
          index < child.Episodes.length - 1 && row.DECOM !== null && (row.DEC === null || row.REC === null),
      ),
  },
  {
    code: '357',
    message:
      "This is the child's first episode, so the reason for new episode must be S, unless an earlier episode has been left out.",
    tables: ['Episodes'],
    fields: ['RNE'],
    years: { from: 2025 },
    // Only a first episode that starts in this collection year can be known to be the first ever.
    check: (child, context) => {
      const first = child.Episodes[0];
      return first?.DECOM && first.DECOM >= context.collectionStart && first.RNE !== 'S'
        ? [{ table: 'Episodes', row: first.row }]
        : [];
    },
  },
  {
    code: '388',
    message:
      'Reason episode ceased X1 means a new episode starts the same day: an episode that ceased with X1 must be followed the same day, and one followed the same day must have ceased with X1.',
    tables: ['Episodes'],
    fields: ['REC', 'DEC', 'DECOM'],
    years: { from: 2025 },
    check: (child) =>
      flagRows(child.Episodes, (row, index) => {
        if (row.DEC === null || row.REC === null) return false;
        const next = child.Episodes[index + 1];
        if (!next) return row.REC === 'X1';
        if (next.DECOM === null) return false;
        return row.REC === 'X1' ? next.DECOM !== row.DEC : next.DECOM === row.DEC;
      }),
  },
  {
    code: '431',
    message:
      'The reason for new episode is S (started to be looked after), but the previous episode ended on or after that day.',
    tables: ['Episodes'],
    fields: ['RNE', 'DECOM', 'DEC'],
    years: { from: 2025 },
    check: (child) =>
      flagRows(child.Episodes, (row, index) => {
        const previous = child.Episodes[index - 1];
        return row.RNE === 'S' && previous?.DEC != null && row.DECOM !== null && row.DECOM <= previous.DEC;
      }),
  },
  {
    code: '433',
    message:
      'The reason for new episode continues a period of care, but the episode does not start the day the previous one ceased.',
    tables: ['Episodes'],
    fields: ['RNE', 'DECOM', 'DEC'],
    years: { from: 2025 },
    // The first episode returned may continue one of an earlier year: only episodes with one before them here.
    check: (child) =>
      flagRows(child.Episodes, (row, index) => {
        const previous = child.Episodes[index - 1];
        return (
          index > 0 && continuing.has(row.RNE ?? '') && (row.DECOM === null || previous?.DEC !== row.DECOM)
        );
      }),
  },
  {
    code: '434',
    message:
      'The reason for new episode is a change of legal status only, but the legal status is unchanged or the placement changed.',
    tables: ['Episodes'],
    fields: ['RNE', 'LS', 'PLACE', 'PL_POST', 'URN', 'PLACE_PROVIDER'],
    years: { from: 2025 },
    check: (child) =>
      flagRows(child.Episodes, (row, index) => {
        const previous = child.Episodes[index - 1];
        if (row.RNE !== 'L' || !previous) return false;
        const placementChanged = (['PLACE', 'PL_POST', 'URN', 'PLACE_PROVIDER'] as const).some(
          (field) => row[field] !== previous[field],
        );
        return row.LS === previous.LS || placementChanged;
      }),
  },
  {
    code: '437',
    message:
      'The episode ceased because the child died or the care was taken over, but further episodes follow.',
    tables: ['Episodes'],
    fields: ['REC'],
    years: { from: 2025 },
    check: (child) =>
      flagRows(
        child.Episodes,
        (row, index) => (row.REC === 'E2' || row.REC === 'E15') && index < child.Episodes.length - 1,
      ),
  },
  {
    code: '501',
    message: 'A new episode starts before the previous episode ceased.',
    tables: ['Episodes'],
    fields: ['DECOM', 'DEC'],
    years: { from: 2025 },
    check: (child) =>
      flagRows(child.Episodes, (row, index) => {
        const previous = child.Episodes[index - 1];
        return previous?.DEC != null && row.DECOM !== null && row.DECOM < previous.DEC;
      }),
  },
];
