import { StreamHeads } from './stream-heads';

const head = (version: number) => ({ version, hash: Buffer.from([version]) });

describe('StreamHeads', () => {
  it('keeps the most recently set streams when full, dropping the oldest tenth at once', () => {
    const heads = new StreamHeads(100);
    for (let i = 0; i < 100; i++) heads.set(`s${i}`, head(1));
    heads.set('s0', head(2)); // set again: now the most recent
    heads.set('s100', head(1));

    expect(heads.size).toBe(90);
    expect(heads.get('s0')?.version).toBe(2);
    expect(heads.get('s100')).toBeDefined();
    expect(heads.get('s1')).toBeUndefined();
    expect(heads.get('s11')).toBeUndefined();
    expect(heads.get('s12')).toBeDefined();
  });

  it('never moves a head back to an older version', () => {
    const heads = new StreamHeads();
    heads.set('s', head(3));
    heads.set('s', head(2));

    expect(heads.get('s')?.version).toBe(3);
  });
});
