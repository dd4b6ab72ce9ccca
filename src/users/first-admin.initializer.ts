import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '../common/config/config';
import { APP_CONFIG } from '../common/config/config.module';
import { UsersService } from './users.service';

/** Creates the first admin from ADMIN_USERNAME / ADMIN_PASSWORD when the system has no user yet. */
@Injectable()
export class FirstAdminInitializer implements OnApplicationBootstrap {
  private readonly logger = new Logger(FirstAdminInitializer.name);

  constructor(
    private readonly users: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { adminUsername, adminPassword } = this.config;
    if (adminUsername === null || adminPassword === null) return;
    if (await this.users.ensureFirstAdmin(adminUsername, adminPassword)) {
      this.logger.log({ username: adminUsername }, 'Created the first admin');
    }
  }
}
