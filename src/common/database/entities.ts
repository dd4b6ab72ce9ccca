import { AuditLogEntity } from '../../audit/audit-log.entity';
import { UserEntity } from '../../users/user.entity';
import { IdempotencyKeyEntity } from '../idempotency/idempotency-key.entity';
import { MessageEntity } from '../mail/message.entity';
import { OutboxEventEntity } from '../outbox/outbox-event.entity';
import { ProcessedEventEntity } from '../outbox/processed-event.entity';

/** Every entity the data source knows; a module adds its own here. */
export const ENTITIES = [
  UserEntity,
  AuditLogEntity,
  OutboxEventEntity,
  ProcessedEventEntity,
  MessageEntity,
  IdempotencyKeyEntity,
];
