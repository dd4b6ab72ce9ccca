import { Inject, Injectable } from '@nestjs/common';
import { mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import * as nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** Our message id: the .eml file name and a header, so a mail can be traced to its row. */
  messageId: string;
}

/**
 * Sends through SMTP when SMTP_URL is set; otherwise writes each message as an .eml file
 * under DATA_DIR/mail, so that a first run needs no mail server.
 */
@Injectable()
export class MailTransport {
  private readonly transporter: Transporter;
  private readonly mailDir: string | null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    if (config.smtpUrl) {
      this.transporter = nodemailer.createTransport(config.smtpUrl);
      this.mailDir = null;
    } else {
      this.transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
      this.mailDir = path.resolve(config.dataDir, 'mail');
    }
  }

  /** Returns the transport's id for the message (SMTP message id, or the .eml path). */
  async send(mail: OutgoingMail): Promise<string> {
    const info = (await this.transporter.sendMail({
      from: this.config.mailFrom,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      headers: { 'X-Aftersales-Message-Id': mail.messageId },
    })) as { messageId: string; message?: Buffer };
    if (this.mailDir === null) return info.messageId;
    await mkdir(this.mailDir, { recursive: true });
    const file = path.join(this.mailDir, `${mail.messageId}.eml`);
    await writeFile(file, info.message ?? Buffer.alloc(0));
    return file;
  }
}
