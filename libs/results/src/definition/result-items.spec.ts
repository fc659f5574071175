import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { planResults } from './result-items';

const FIXTURES = join(__dirname, '../../../../test/fixtures/third-party/surveyjs');

describe('result plans for every question type', () => {
  const plans = readdirSync(FIXTURES)
    .filter((file) => file.endsWith('.json'))
    .map((file) => ({ file, plan: planResults(JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')), []) }));

  it('leave out what does not map to one counted value per respondent', () => {
    const skipped = ['paneldynamic', 'matrixdropdown', 'matrixdynamic', 'multipletext', 'ranking', 'expression', 'html', 'image', 'file', 'signaturepad', 'comment'];
    for (const { file, plan } of plans) {
      const types = plan.items.map((item) => item.type).filter((type) => skipped.includes(type));
      expect({ file, types }).toEqual({ file, types: [] });
    }
  });

  it('never count answers to choices loaded from an outside address (free text on the server)', () => {
    const plan = plans.find(({ file }) => file === 'tagbox-dropdown-choices-by-url.json')!.plan;
    expect(plan.items.map((item) => item.question)).not.toContain('q1');
  });

  it('count a multi-select image picker as a multiple choice, and numeric masks and sliders as numbers', () => {
    const plan = planResults(
      {
        elements: [
          { type: 'imagepicker', name: 'pets', multiSelect: true, choices: [{ value: 'cat' }, { value: 'dog' }] },
          { type: 'text', name: 'income', maskType: 'currency' },
          { type: 'text', name: 'phone', maskType: 'pattern', maskSettings: { pattern: '999' } },
          { type: 'slider', name: 'age' },
        ],
      },
      [],
    );
    expect(plan.multipleQuestions).toEqual(['pets']);
    expect(plan.numericQuestions).toEqual(['income', 'age']);
  });
});
