import { Controller, Get, StreamableFile, applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { contentDisposition } from '../../attachments/domain/download-headers';
import { Roles } from '../../auth/decorators';
import type { Language } from '../../common/errors/error-messages';
import { EXPORT_ROLES } from '../domain/export-jobs';
import type { RenderedForm } from './form-printing';

export class FormQueryDto {
  @IsOptional()
  @IsIn(['zh', 'en'])
  lang?: Language;
}

/** A controller of record-form endpoints: each module serves its own forms under evidence/forms. */
export function FormsController(): ClassDecorator {
  return applyDecorators(ApiTags('evidence'), ApiBearerAuth(), Controller('evidence/forms'));
}

/** A GET endpoint printing one record's form as a PDF, for those who may export evidence. */
export function FormEndpoint(path: string, summary: string): MethodDecorator {
  return applyDecorators(
    Get(path),
    Roles(...EXPORT_ROLES),
    ApiOperation({ summary }),
    ApiQuery({ name: 'lang', required: false, enum: ['zh', 'en'] }),
    ApiProduces('application/pdf'),
  );
}

/** The printed form as the PDF download. */
export function pdfDownload(form: RenderedForm): StreamableFile {
  return new StreamableFile(form.content, {
    type: 'application/pdf',
    disposition: contentDisposition(form.fileName),
  });
}
