import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inductionSteps } from './people-records.ts';
import {
  inductionCell,
  inductionDates,
  readInductionCell,
  readTrainingCell,
  trainingCell,
} from './staff-cells.ts';

describe('the staff list’s training cell', () => {
  it('reads courses with and without an expiry, and a course named with a semicolon', () => {
    expect(
      readTrainingCell(
        'Safeguarding children level 3 (2023-07-20 to 2026-07-20); First aid; refresher (2025-01-10)',
      ),
    ).toEqual({
      training: [
        { course: 'Safeguarding children level 3', completedOn: '2023-07-20', expiresOn: '2026-07-20' },
        { course: 'First aid; refresher', completedOn: '2025-01-10', expiresOn: null },
      ],
      problems: [],
    });
  });

  it.each([
    ['First aid 2025-01-10', 'is not a course with its dates'],
    ['First aid (10/01/2025)', 'is not a course with its dates'],
    ['First aid (2025-02-30)', 'not a real date'],
    ['First aid (2025-01-10 to 2024-01-10)', 'expires on or before'],
    ['First aid (2025-01-10); first aid (2025-01-10)', 'given twice'],
  ])('%s → %s', (cell, problem) => {
    expect(readTrainingCell(cell).problems[0]).toContain(problem);
  });

  it('reads back what it writes', () => {
    const course = fc
      .string({ minLength: 1, maxLength: 30 })
      .map((text) => text.replace(/[()]/g, '').trim())
      .filter((text) => text.length > 0 && !text.endsWith(';'));
    const day = fc
      .date({ min: new Date('2000-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
      .map((date) => date.toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ course, completedOn: day }), {
          selector: (each) => each.course.toLowerCase(),
          maxLength: 4,
        }),
        (records) => {
          const training = records.map((each) => ({ ...each, expiresOn: null }));
          const read = readTrainingCell(trainingCell(training));
          expect(read.problems).toEqual([]);
          expect(read.training).toHaveLength(training.length);
        },
      ),
    );
  });
});

describe('the staff list’s induction cell', () => {
  it('reads the steps done and refuses an unknown or repeated step', () => {
    expect(readInductionCell('swe-registration (2025-01-10); right-to-work (2025-01-12)').steps).toEqual([
      { step: 'swe-registration', completedOn: '2025-01-10' },
      { step: 'right-to-work', completedOn: '2025-01-12' },
    ]);
    expect(readInductionCell('visa (2025-01-10)').problems[0]).toContain('is not an induction step');
    expect(readInductionCell('shadowing (2025-01-10); shadowing (2025-02-10)').problems[0]).toContain(
      'twice',
    );
  });

  it('starts the induction at its first step and completes it when every step is done', () => {
    const some = [
      { step: 'right-to-work', completedOn: '2025-01-12' },
      { step: 'swe-registration', completedOn: '2025-01-10' },
    ];
    expect(inductionDates(some)).toEqual({ startedOn: '2025-01-10', completedOn: null });
    const all = Object.keys(inductionSteps).map((step, index) => ({
      step,
      completedOn: `2025-0${index + 1}-01`,
    }));
    expect(inductionDates(all)).toEqual({ startedOn: '2025-01-01', completedOn: '2025-07-01' });
    expect(readInductionCell(inductionCell(all)).steps).toHaveLength(all.length);
  });
});
