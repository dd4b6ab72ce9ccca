import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/decorators';
import { EXPORT_ROLES } from './domain/export-jobs';
import {
  EvidenceCatalogQueryDto,
  EvidenceCatalogResponse,
  toEvidenceCatalogResponse,
} from './dto/evidence.dto';
import { EvidenceCatalogService } from './evidence-catalog.service';

@ApiTags('evidence')
@ApiBearerAuth()
@Controller('evidence')
export class EvidenceController {
  constructor(private readonly catalog: EvidenceCatalogService) {}

  @Get()
  @Roles(...EXPORT_ROLES)
  @ApiOperation({
    summary:
      'The evidence catalog for a period: each evidence type the system holds records for, with its ' +
      'count, usual sample size and whether the period has enough; the gaps in `missing`',
  })
  @ApiOkResponse({ type: EvidenceCatalogResponse })
  async get(@Query() query: EvidenceCatalogQueryDto): Promise<EvidenceCatalogResponse> {
    return toEvidenceCatalogResponse(await this.catalog.catalog({ from: query.from, to: query.to }));
  }
}
