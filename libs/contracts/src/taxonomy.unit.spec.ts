import { defaultDays, isTaxonomyCode, TAXONOMY, TAXONOMY_CODES } from './taxonomy';

describe('taxonomy', () => {
  it('has exactly one entry per code of DESIGN §3.1', () => {
    expect(TAXONOMY.map((e) => e.code).sort()).toEqual([...TAXONOMY_CODES].sort());
    expect(TAXONOMY_CODES).toHaveLength(14);
  });

  it('derives the default time limit from the severity', () => {
    expect(defaultDays('STUDY_NEGLECT')).toBe(30);
    expect(defaultDays('EXTRAVAGANCE')).toBe(15);
    expect(defaultDays('SIDE_BUSINESS')).toBe(7);
  });

  it('recognises only the known codes', () => {
    expect(isTaxonomyCode('FORMALISM')).toBe(true);
    expect(isTaxonomyCode('formalism')).toBe(false);
    expect(isTaxonomyCode(undefined)).toBe(false);
  });
});
