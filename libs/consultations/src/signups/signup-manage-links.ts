import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@app/config';
import type { ManageLinks } from '@app/mail';
import { manageUrlFor } from './links';

/** How the messages worker fills in a sign-up's manage link at send time (see libs/mail message-secrets). */
@Injectable()
export class SignupManageLinks implements ManageLinks {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  manageUrlFor(signupId: string): string {
    return manageUrlFor(this.config, signupId);
  }
}
