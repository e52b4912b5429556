import { Injectable } from '@nestjs/common';
import { EvaluationsEnv } from '../evaluations.env';
import { ContactCipher } from './contact-cipher';
import { ReportError } from './domain/report.errors';

/** The contact cipher when REPORT_CONTACT_KEY is set; without it contact details are refused. */
@Injectable()
export class ContactVault {
  private readonly cipher: ContactCipher | null;

  constructor(env: EvaluationsEnv) {
    this.cipher = env.REPORT_CONTACT_KEY ? new ContactCipher(env.REPORT_CONTACT_KEY) : null;
  }

  seal(contact: string, reportId: string): Buffer {
    if (!this.cipher) throw ReportError.contactNotConfigured();
    return this.cipher.seal(contact, reportId);
  }

  /** For inspectors only; null when nothing was given or the key is not configured any more. */
  open(sealed: Buffer | null, reportId: string): string | null {
    if (!sealed || !this.cipher) return null;
    return this.cipher.open(sealed, reportId);
  }
}
