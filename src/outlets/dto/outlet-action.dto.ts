import { ApiProperty } from '@nestjs/swagger';

import { IsString, MaxLength, MinLength } from 'class-validator';
import { ExpectedVersionDto } from '../../common/registers/register.dto';
import { OUTLET_STATUSES, type OutletStatus } from '../domain/outlet-fields';
import { OUTLET_ACTIONS, type OutletAction, REASON_MAX_LENGTH } from '../domain/outlet-lifecycle';
import type { OutletStatusChangeEntity } from '../outlet-status-change.entity';
import { PageResponseOf } from '../../common/http/pagination';

/** The body of every lifecycle action: why, and optionally the version the client read. */
export class OutletActionDto extends ExpectedVersionDto {
  @ApiProperty({ example: '区域服务量增长，需要新网点', minLength: 1, maxLength: REASON_MAX_LENGTH })
  @IsString()
  @MinLength(1)
  @MaxLength(REASON_MAX_LENGTH)
  reason!: string;
}

export class OutletStatusChangeResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: OUTLET_ACTIONS }) action!: OutletAction;
  @ApiProperty({ enum: OUTLET_STATUSES }) fromStatus!: OutletStatus;
  @ApiProperty({ enum: OUTLET_STATUSES }) toStatus!: OutletStatus;
  @ApiProperty() reason!: string;
  @ApiProperty({ description: 'The user who took the action' }) actorId!: string;
  @ApiProperty({ format: 'date-time' }) changedAt!: string;
}

export class OutletStatusChangePageResponse extends PageResponseOf(OutletStatusChangeResponse) {}

export function toOutletStatusChangeResponse(change: OutletStatusChangeEntity): OutletStatusChangeResponse {
  return {
    id: change.id,
    action: change.action,
    fromStatus: change.fromStatus,
    toStatus: change.toStatus,
    reason: change.reason,
    actorId: change.actorId,
    changedAt: change.changedAt.toISOString(),
  };
}
