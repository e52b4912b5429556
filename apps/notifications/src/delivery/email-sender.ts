import { createTransport, type Transporter } from 'nodemailer';
import type { ChannelSender, NoticeMessage } from './notice-message';

/** Plain text and HTML over SMTP; a refused or unreachable server is a failure to retry. */
export class EmailSender implements ChannelSender {
  private readonly transport: Transporter | null;

  constructor(smtpUrl: string | undefined, private readonly from: string, timeoutMs: number) {
    // nodemailer waits minutes by default; a send must end well within the delivery's lease.
    const timeouts = { connectionTimeout: timeoutMs, greetingTimeout: timeoutMs, socketTimeout: timeoutMs, dnsTimeout: timeoutMs };
    this.transport = smtpUrl ? createTransport({ url: smtpUrl, ...timeouts }) : null;
  }

  async send(target: string, message: NoticeMessage): Promise<void> {
    if (!this.transport) throw new Error('no SMTP server is configured (SMTP_URL)');
    const lines = [message.title, '', `Notice ${message.noticeId} (${message.type}) for unit ${message.unitId}.`];
    if (message.caseId) lines.push(`Case: ${message.caseId}`);
    lines.push('', 'Acknowledge it in the Rectify console.');
    await this.transport.sendMail({
      from: this.from,
      to: target,
      subject: `[Rectify] ${message.title}`,
      text: lines.join('\n'),
      html: `<p><strong>${escapeHtml(message.title)}</strong></p><p>Notice ${escapeHtml(message.noticeId)} (${escapeHtml(message.type)}) for unit ${escapeHtml(message.unitId)}.</p>${
        message.caseId ? `<p>Case: ${escapeHtml(message.caseId)}</p>` : ''
      }<p>Acknowledge it in the Rectify console.</p>`,
      headers: { 'X-Rectify-Delivery': message.deliveryId },
    });
  }

  close(): void {
    this.transport?.close();
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
