import { randomBytes } from 'node:crypto';
import type { EvaluationsEnv } from '../evaluations.env';
import { ContactVault } from './contact-vault';

describe('ContactVault', () => {
  it('refuses contact details with a 400 when no key is configured', () => {
    const vault = new ContactVault({} as EvaluationsEnv);
    expect(() => vault.seal('Mr. Li', 'report-1')).toThrow(expect.objectContaining({ code: 'REPORT.CONTACT_NOT_CONFIGURED', httpStatus: 400 }));
  });

  it('opens what it sealed for the same report', () => {
    const vault = new ContactVault({ REPORT_CONTACT_KEY: randomBytes(32).toString('hex') } as EvaluationsEnv);
    expect(vault.open(vault.seal('Mr. Li', 'report-1'), 'report-1')).toBe('Mr. Li');
    expect(vault.open(null, 'report-1')).toBeNull();
  });
});
