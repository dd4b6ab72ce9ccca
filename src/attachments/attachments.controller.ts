import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Res,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { RequestContext } from '../auth/authenticated-user';
import { Ctx, Roles } from '../auth/decorators';
import { invalidFields } from '../common/errors/validation-errors';
import { mapPage } from '../common/http/pagination';
import { UuidParam } from '../common/http/uuid-param';
import { ALL_ROLES } from '../users/domain/roles';
import { AttachmentsService } from './attachments.service';
import { contentDisposition, downloadHeaders } from './domain/download-headers';
import {
  AttachmentPageResponse,
  AttachmentResponse,
  ListAttachmentsQueryDto,
  UploadAttachmentDto,
  UploadAttachmentForm,
  toAttachmentResponse,
} from './dto/attachment.dto';
import type { StoredUpload } from './upload-storage';

/** Every role reaches these routes; the rules of the record a file belongs to decide the rest. */
@ApiTags('attachments')
@ApiBearerAuth()
@Controller('attachments')
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Post()
  @Roles(...ALL_ROLES)
  @UseInterceptors(FileInterceptor('file'))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: UploadAttachmentForm })
  @ApiCreatedResponse({ type: AttachmentResponse, description: '413 when too large, 415 for a refused type' })
  async upload(
    @UploadedFile() file: StoredUpload | undefined,
    @Body() dto: UploadAttachmentDto,
    @Ctx() context: RequestContext,
  ): Promise<AttachmentResponse> {
    if (!file) throw invalidFields([{ field: 'file', problems: ['file is required'] }]);
    return toAttachmentResponse(await this.attachments.create(file, dto, context));
  }

  @Get()
  @Roles(...ALL_ROLES)
  @ApiOkResponse({ type: AttachmentPageResponse, description: 'The files of one record, newest first' })
  async list(
    @Query() query: ListAttachmentsQueryDto,
    @Ctx() context: RequestContext,
  ): Promise<AttachmentPageResponse> {
    return mapPage(await this.attachments.list(query, context.user), toAttachmentResponse);
  }

  @Get(':id')
  @Roles(...ALL_ROLES)
  @ApiOkResponse({ type: AttachmentResponse })
  async get(
    @Param('id', UuidParam('id')) id: string,
    @Ctx() context: RequestContext,
  ): Promise<AttachmentResponse> {
    return toAttachmentResponse(await this.attachments.get(id, context.user));
  }

  @Get(':id/content')
  @Roles(...ALL_ROLES)
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ description: 'The bytes, with ETag and Repr-Digest carrying their SHA-256' })
  async content(
    @Param('id', UuidParam('id')) id: string,
    @Ctx() context: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const { attachment, content } = await this.attachments.open(id, context.user);
    response.set(downloadHeaders(attachment.sha256));
    return new StreamableFile(content, {
      type: attachment.contentType,
      disposition: contentDisposition(attachment.fileName),
      length: attachment.sizeBytes,
    });
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(...ALL_ROLES)
  @ApiNoContentResponse({ description: 'Removed; only the uploader, a manager or an admin may' })
  async delete(@Param('id', UuidParam('id')) id: string, @Ctx() context: RequestContext): Promise<void> {
    await this.attachments.delete(id, context);
  }
}
