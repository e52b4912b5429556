import { createHash, randomInt } from 'node:crypto';

const GROUPS = 4;
const GROUP_DIGITS = 5;

/** 20 random decimal digits (≈66 bits) from the CSPRNG: read out on the telephone, written on paper. */
export function newReceiptCode(): string {
  let code = '';
  for (let i = 0; i < GROUPS; i++) code += String(randomInt(0, 10 ** GROUP_DIGITS)).padStart(GROUP_DIGITS, '0');
  return code;
}

/** Spaces and dashes a reporter may type are ignored; anything else is simply not a code. */
export function normalizeReceiptCode(input: string): string {
  return input.replace(/[\s-]/g, '');
}

/** Only this is stored; lookups go by the hash. */
export function receiptCodeHash(code: string): Buffer {
  return createHash('sha256').update(normalizeReceiptCode(code)).digest();
}
