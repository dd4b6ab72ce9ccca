import { Body, Controller, Get, HttpCode, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { contentDisposition, downloadHeaders } from '../attachments/domain/download-headers';
import type { RequestContext } from '../auth/authenticated-user';
import { Ctx, Roles } from '../auth/decorators';
import { PageQueryDto, mapPage } from '../common/http/pagination';
import { UuidParam } from '../common/http/uuid-param';
import { EXPORT_ROLES } from './domain/export-jobs';
import { CreateExportDto } from './dto/export-request.dto';
import { ExportPageResponse, ExportResponse, toExportResponse } from './dto/export-response.dto';
import { ExportsService } from './exports.service';

/** Evidence exports: managers, auditors and admins ask for them, watch them and download them. */
@ApiTags('exports')
@ApiBearerAuth()
@Controller('exports')
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Post()
  @HttpCode(202)
  @Roles(...EXPORT_ROLES)
  @ApiOperation({
    summary:
      'Queues the export of one register for a period (XLSX, CSV or PDF); watch GET /exports/:id. ' +
      'type "pack" is refused with 400 until the audit pack exists',
  })
  @ApiAcceptedResponse({ type: ExportResponse })
  async create(@Body() dto: CreateExportDto, @Ctx() context: RequestContext): Promise<ExportResponse> {
    return toExportResponse(await this.exports.request(dto, context));
  }

  @Get()
  @Roles(...EXPORT_ROLES)
  @ApiOperation({ summary: 'Every export, newest first' })
  @ApiOkResponse({ type: ExportPageResponse })
  async list(@Query() query: PageQueryDto): Promise<ExportPageResponse> {
    return mapPage(await this.exports.list(query), toExportResponse);
  }

  @Get(':id')
  @Roles(...EXPORT_ROLES)
  @ApiOperation({ summary: 'Status, percent, the reason of a failure, and the files with their SHA-256' })
  @ApiOkResponse({ type: ExportResponse })
  async get(@Param('id', UuidParam('id')) id: string): Promise<ExportResponse> {
    return toExportResponse(await this.exports.get(id));
  }

  @Post(':id/retry')
  @HttpCode(202)
  @Roles(...EXPORT_ROLES)
  @ApiOperation({
    summary:
      'Queues a failed export again with the same parameters (also one whose build stopped reporting ' +
      'progress for 10 minutes); otherwise 409 INVALID_TRANSITION',
  })
  @ApiAcceptedResponse({ type: ExportResponse })
  async retry(
    @Param('id', UuidParam('id')) id: string,
    @Ctx() context: RequestContext,
  ): Promise<ExportResponse> {
    return toExportResponse(await this.exports.retry(id, context));
  }

  @Get(':id/download')
  @Roles(...EXPORT_ROLES)
  @ApiProduces('application/octet-stream')
  @ApiOperation({ summary: 'The file of a done export (409 CONFLICT with the status otherwise); logged' })
  @ApiOkResponse({ description: 'The bytes, with ETag and Repr-Digest carrying their SHA-256' })
  async download(
    @Param('id', UuidParam('id')) id: string,
    @Ctx() context: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const { file, content } = await this.exports.download(id, context);
    response.set(downloadHeaders(file.sha256));
    return new StreamableFile(content, {
      type: file.contentType,
      disposition: contentDisposition(file.path),
      length: file.bytes,
    });
  }
}
