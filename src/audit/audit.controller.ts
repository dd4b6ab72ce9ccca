import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/decorators';
import { mapPage } from '../common/http/pagination';
import { AUDIT_READERS } from '../users/domain/roles';
import { AuditService } from './audit.service';
import {
  AuditLogQueryDto,
  AuditPageResponse,
  VerifyResponse,
  toAuditEntryResponse,
} from './dto/audit-log.dto';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit-log')
@Roles(...AUDIT_READERS)
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiOkResponse({ type: AuditPageResponse })
  async list(@Query() query: AuditLogQueryDto): Promise<AuditPageResponse> {
    return mapPage(await this.audit.list(query), toAuditEntryResponse);
  }

  @Get('verify')
  @ApiOkResponse({ type: VerifyResponse })
  verify(): Promise<VerifyResponse> {
    return this.audit.verify();
  }
}
