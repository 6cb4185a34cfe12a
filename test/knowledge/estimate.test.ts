import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import YAML from 'yaml';
import { type EstimateInput, estimateSupport } from '../../knowledge/estimate.js';
import { projectRoot } from '../../knowledge/paths.js';
import { knowledgeBase } from '../helpers.js';

interface Example {
  name: string;
  input: EstimateInput;
  hourlyCost: number;
  hours: number;
  total: number;
  trainingGrant?: boolean;
  longerThanOnePeriod?: boolean;
}

const examples = (
  YAML.parse(readFileSync(join(projectRoot(), 'test', 'cases', 'estimates.yaml'), 'utf8')) as { examples: Example[] }
).examples;

describe("knowledge/estimate: the employer's estimate, worked examples", () => {
  for (const x of examples) {
    it(`reckons ${x.name}`, () => {
      const e = estimateSupport(x.input);
      expect(e.hourlyCost).to.equal(x.hourlyCost);
      expect(e.hours).to.equal(x.hours);
      expect(e.total).to.equal(x.total);
      expect(e.trainingGrantSeparate).to.equal(x.trainingGrant ?? true);
      expect(e.longerThanOnePeriod).to.equal(x.longerThanOnePeriod ?? false);
    });
  }

  it('cites provisions that are all in the law registry, the training grant only for an own employee', () => {
    const kb = knowledgeBase();
    const employee = estimateSupport({ mentor: 'employee', hourlyWage: 200, hoursPerWeek: 1, weeks: 52 });
    const consultant = estimateSupport({ mentor: 'consultant', hourlyFee: 600, hoursPerWeek: 1, weeks: 4 });
    for (const id of [...employee.citations, ...consultant.citations]) expect(kb.registry.has(id), id).to.equal(true);
    expect(employee.citations).to.include.members(['BEK-125-1', 'BEK-125-2', 'BEK-127', 'LAB-167-1']);
    expect(consultant.citations).not.to.include('BEK-127');
  });

  it('names the field that is out of range or missing', () => {
    expect(() => estimateSupport({ mentor: 'employee', hourlyWage: -5, hoursPerWeek: 3, weeks: 26 })).to.throw(
      RangeError,
      /hourlyWage/,
    );
    expect(() => estimateSupport({ mentor: 'employee', hourlyWage: 230, hoursPerWeek: 80, weeks: 26 })).to.throw(
      RangeError,
      /hoursPerWeek/,
    );
    expect(() => estimateSupport({ mentor: 'consultant', hoursPerWeek: 3, weeks: 26 })).to.throw(
      RangeError,
      /hourlyFee/,
    );
  });
});
