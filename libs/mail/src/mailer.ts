import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '@app/config';
import type { MessageChannel } from './enqueue-messages';

export interface OutgoingMessage {
  id: string;
  channel: MessageChannel;
  recipient: string;
  subject: string;
  body: string;
}

/**
 * Delivers one message. Email goes over SMTP when SMTP_URL is set; otherwise (development) each
 * message is written to MAIL_DIR as an .eml file, rendered by nodemailer exactly as it would be
 * sent. No SMS gateway is integrated: text messages are written to MAIL_DIR as .txt files.
 */
@Injectable()
export class Mailer implements OnApplicationShutdown {
  private readonly smtp: Transporter | null;
  private readonly render: Transporter;
  readonly directory: string;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.smtp = config.SMTP_URL ? createTransport(config.SMTP_URL) : null;
    this.render = createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
    this.directory = resolve(config.MAIL_DIR);
  }

  async send(message: OutgoingMessage): Promise<void> {
    const mail = { from: this.config.MAIL_FROM, to: message.recipient, subject: message.subject, text: message.body };
    if (message.channel === 'email' && this.smtp) {
      await this.smtp.sendMail(mail);
      return;
    }
    await mkdir(this.directory, { recursive: true });
    // The id names the file, so a repeated delivery overwrites rather than duplicates.
    if (message.channel === 'sms') {
      await writeFile(join(this.directory, `${message.id}.sms.txt`), `To: ${message.recipient}\n\n${message.body}\n`);
      return;
    }
    const rendered = (await this.render.sendMail(mail)) as unknown as { message: Buffer };
    await writeFile(join(this.directory, `${message.id}.eml`), rendered.message);
  }

  onApplicationShutdown(): void {
    this.smtp?.close();
  }
}
