import { BullModule } from '@nestjs/bull';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { AuditModule } from '../../audit/audit.module';
import { AppConfig } from '../config/config';
import { QUEUE_NAMES } from './queue.constants';
import { QueueRegistry } from './queue.registry';
import { JobsController } from './jobs.controller';
import { JobsService } from './jobs.service';

@Global()
@Module({})
export class QueueModule {
  static forRoot(config: AppConfig): DynamicModule {
    const queues = BullModule.registerQueue(...QUEUE_NAMES.map((name) => ({ name })));
    return {
      module: QueueModule,
      imports: [
        BullModule.forRoot({ url: config.redisUrl, prefix: config.redisPrefix }),
        queues,
        AuditModule,
      ],
      controllers: [JobsController],
      providers: [QueueRegistry, JobsService],
      exports: [queues, QueueRegistry, JobsService],
    };
  }
}
