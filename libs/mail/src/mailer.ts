import { chmod, mkdir, unlink, writeFile } from 'node:fs/promises';
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

/** Text messages are not sent: no SMS gateway is integrated, and sign-ups need an email address. */
export class NoSmsTransportError extends Error {
  constructor() {
    super('no SMS transport: text messages are not sent');
  }
}

/**
 * Delivers one email. Over SMTP when SMTP_URL is set; otherwise (development) each message is
 * written to MAIL_DIR as an .eml file, rendered by nodemailer exactly as it would be sent, readable
 * by this user only (it holds a contact and a working manage link). The retention purge deletes the
 * file with the message's row (`forget`).
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
    if (message.channel === 'sms') throw new NoSmsTransportError();
    const mail = { from: this.config.MAIL_FROM, to: message.recipient, subject: message.subject, text: message.body };
    if (this.smtp) {
      await this.smtp.sendMail(mail);
      return;
    }
    await mkdir(this.directory, { recursive: true, mode: 0o700 });
    const rendered = (await this.render.sendMail(mail)) as unknown as { message: Buffer };
    // The id names the file, so a repeated delivery overwrites rather than duplicates. `mode` only
    // applies when the file is created: chmod covers a file an older version left readable.
    const file = this.fileOf(message.id);
    await writeFile(file, rendered.message, { mode: 0o600 });
    await chmod(file, 0o600);
  }

  /** Deletes the files of messages whose rows were purged (also the .sms.txt files older versions wrote). */
  async forget(messageIds: string[]): Promise<void> {
    for (const id of messageIds) {
      for (const file of [this.fileOf(id), join(this.directory, `${id}.sms.txt`)]) {
        await unlink(file).catch((error: NodeJS.ErrnoException) => {
          if (error.code !== 'ENOENT') throw error;
        });
      }
    }
  }

  private fileOf(messageId: string): string {
    return join(this.directory, `${messageId}.eml`);
  }

  onApplicationShutdown(): void {
    this.smtp?.close();
  }
}
