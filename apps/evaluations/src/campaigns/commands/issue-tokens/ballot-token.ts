import { createHash, randomBytes } from 'node:crypto';

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** 128 random bits as 26 base32 characters: short enough to print on a card and type in. */
export function newBallotToken(): string {
  const bytes = randomBytes(16);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

/** Case, spaces and dashes do not matter when a token is typed back in. */
export function normalizeBallotToken(token: string): string {
  return token.toLowerCase().replace(/[\s-]/g, '');
}

/** Only this is stored: a token cannot be recovered from the database. */
export function ballotTokenHash(token: string): Buffer {
  return createHash('sha256').update(normalizeBallotToken(token)).digest();
}
