import {
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { RequestContext } from '../auth/authenticated-user';
import { Ctx, Roles } from '../auth/decorators';
import { DomainError } from '../common/errors/domain-error';
import { invalidFields } from '../common/errors/validation-errors';
import { ImportKindParams, ImportQueryDto, ImportReportResponse } from './dto/import.dto';
import { importTemplate } from './domain/template';
import { ImportTargets } from './import-targets';
import { ImportFile, ImportsService } from './imports.service';

@ApiTags('imports')
@ApiBearerAuth()
@Controller('imports')
export class ImportsController {
  constructor(
    private readonly imports: ImportsService,
    private readonly targets: ImportTargets,
  ) {}

  /** An XLSX with the header row the import understands, to fill in. */
  @Get(':kind/template')
  @Roles('agent', 'manager', 'admin')
  async template(@Param() params: ImportKindParams): Promise<StreamableFile> {
    const bytes = await importTemplate(this.targets.columns(params.kind));
    return new StreamableFile(bytes, {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      disposition: `attachment; filename="${params.kind}-template.xlsx"`,
    });
  }

  @Post(':kind')
  @HttpCode(200)
  @Roles('agent', 'manager', 'admin')
  @UseInterceptors(FileInterceptor('file'))
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      properties: { file: { type: 'string', format: 'binary' } },
      required: ['file'],
    },
  })
  @ApiOkResponse({
    type: ImportReportResponse,
    description: 'A dry run, or a real run that applied every row',
  })
  async run(
    @Param() params: ImportKindParams,
    @Query() query: ImportQueryDto,
    @UploadedFile() file: ImportFile | undefined,
    @Ctx() context: RequestContext,
  ): Promise<ImportReportResponse> {
    if (!file) throw invalidFields([{ field: 'file', problems: ['file must be a CSV or XLSX upload'] }]);
    const report = await this.imports.run(params.kind, file, query.dryRun, context);
    if (!query.dryRun && !report.applied) {
      throw new DomainError(
        'IMPORT_REJECTED',
        `${report.errors.length} problems; no row was imported`,
        report,
        `导入文件有 ${report.errors.length} 处错误，未导入任何数据，请按错误清单修改后重试`,
      );
    }
    return report;
  }
}
