import { Global, Module } from '@nestjs/common';
import { AuditModule } from '../../audit/audit.module';
import { OutboxModule } from '../outbox/outbox.module';
import { MailTransport } from './mail-transport';
import { NotificationService } from './notification.service';
import { NotificationsController } from './notifications.controller';

@Global()
@Module({
  imports: [OutboxModule, AuditModule],
  controllers: [NotificationsController],
  providers: [MailTransport, NotificationService],
  exports: [NotificationService],
})
export class MailModule {}
