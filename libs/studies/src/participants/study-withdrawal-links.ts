import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@app/config';
import type { WithdrawalLinks } from '@app/mail';
import { withdrawalUrlFor } from './withdrawal-tokens';

/** How the messages worker fills in a receipt's withdrawal link at send time (libs/mail message-secrets). */
@Injectable()
export class StudyWithdrawalLinks implements WithdrawalLinks {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  withdrawUrlFor(kind: string, id: string): string {
    return withdrawalUrlFor(this.config, kind, id);
  }
}
