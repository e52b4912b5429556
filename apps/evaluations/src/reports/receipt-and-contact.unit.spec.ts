import { randomBytes } from 'node:crypto';
import { ballotTokenHash, newBallotToken } from '../campaigns/commands/issue-tokens/ballot-token';
import { ContactCipher } from './contact-cipher';
import { newReceiptCode, receiptCodeHash } from './receipt-code';

describe('secrets handed to the public', () => {
  it('makes receipt codes of 20 random digits, hashed the same however they are typed', () => {
    const codes = new Set(Array.from({ length: 1000 }, newReceiptCode));
    expect(codes.size).toBe(1000);
    for (const code of codes) expect(code).toMatch(/^\d{20}$/);
    const [code] = codes;
    expect(receiptCodeHash(`${code.slice(0, 5)} ${code.slice(5, 10)}-${code.slice(10)}`)).toEqual(receiptCodeHash(code));
  });

  it('makes ballot tokens of 128 bits in 26 base32 characters, hashed case-insensitively', () => {
    const token = newBallotToken();
    expect(token).toMatch(/^[a-z2-7]{26}$/);
    expect(ballotTokenHash(token.toUpperCase())).toEqual(ballotTokenHash(token));
    expect(ballotTokenHash(newBallotToken())).not.toEqual(ballotTokenHash(token));
  });

  it('seals contact details so that only the same key and report open them', () => {
    const cipher = new ContactCipher(randomBytes(32).toString('hex'));
    const sealed = cipher.seal('Mr. Li, 138 0000 0000', 'report-1');
    expect(sealed.toString('utf8')).not.toContain('138');
    expect(cipher.open(sealed, 'report-1')).toBe('Mr. Li, 138 0000 0000');
    expect(() => cipher.open(sealed, 'report-2')).toThrow();
    expect(() => new ContactCipher(randomBytes(32).toString('hex')).open(sealed, 'report-1')).toThrow();
  });
});
