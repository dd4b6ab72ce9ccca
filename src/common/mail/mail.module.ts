import { Global, Inject, Module, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditModule } from '../../audit/audit.module';
import { EvidenceSources } from '../../evidence/evidence-sources';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { OutboxModule } from '../outbox/outbox.module';
import { MailTransport } from './mail-transport';
import { notificationEvidenceSources } from './notification-evidence';
import { NotificationService } from './notification.service';
import { NotificationsController } from './notifications.controller';

@Global()
@Module({
  imports: [OutboxModule, AuditModule],
  controllers: [NotificationsController],
  providers: [MailTransport, NotificationService],
  exports: [NotificationService],
})
export class MailModule implements OnModuleInit {
  constructor(
    private readonly evidence: EvidenceSources,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    for (const source of notificationEvidenceSources(this.dataSource, this.config.companyTimeZone)) {
      this.evidence.register(source);
    }
  }
}
