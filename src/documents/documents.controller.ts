import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { RequestContext } from '../auth/authenticated-user';
import { Ctx, Roles } from '../auth/decorators';
import { CompanyCalendar } from '../common/company-calendar';
import { mapPage } from '../common/http/pagination';
import { UuidParam } from '../common/http/uuid-param';
import { ALL_ROLES } from '../users/domain/roles';
import { DocumentActionsService } from './document-actions.service';
import { DocumentsService } from './documents.service';
import { DOCUMENT_WORKFLOW, DOCUMENT_WRITERS } from './domain/document-workflow';
import {
  AddVersionDto,
  CreateDocumentDto,
  ListDocumentsQueryDto,
  RecordReviewDto,
  UpdateDocumentDto,
  WithdrawDocumentDto,
} from './dto/document-request.dto';
import {
  DocumentDetailResponse,
  DocumentPageResponse,
  toDocumentDetailResponse,
  toDocumentResponse,
} from './dto/document-response.dto';

const REFUSED =
  '403 for a company-wide document to an outlet-bound manager; 409 INVALID_TRANSITION on a withdrawn document, 409 VERSION_CONFLICT on a stale expectedVersion; nothing changes';

/** Every role reads the register (staff must know the procedures and the laws); managers keep it. */
@ApiTags('documents')
@ApiBearerAuth()
@Controller('documents')
export class DocumentsController {
  constructor(
    private readonly documents: DocumentsService,
    private readonly actions: DocumentActionsService,
    private readonly calendar: CompanyCalendar,
  ) {}

  @Get()
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'Controlled documents by number; an outlet sees the company’s and its own' })
  @ApiOkResponse({ type: DocumentPageResponse })
  async list(
    @Query() query: ListDocumentsQueryDto,
    @Ctx() context: RequestContext,
  ): Promise<DocumentPageResponse> {
    const today = this.calendar.today();
    return mapPage(await this.documents.list(query, context.user), (document) =>
      toDocumentResponse(document, today),
    );
  }

  @Get(':id')
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'The document with every version and review, newest first' })
  @ApiOkResponse({ type: DocumentDetailResponse })
  get(
    @Param('id', UuidParam('id')) id: string,
    @Ctx() context: RequestContext,
  ): Promise<DocumentDetailResponse> {
    return this.detail(id, context);
  }

  @Post()
  @Roles(...DOCUMENT_WRITERS)
  @ApiOperation({
    summary:
      'Registers a document as a draft; attach its file (POST /attachments, ownerType document) and add the first version to make it current',
  })
  @ApiCreatedResponse({ type: DocumentDetailResponse })
  async create(
    @Body() dto: CreateDocumentDto,
    @Ctx() context: RequestContext,
  ): Promise<DocumentDetailResponse> {
    const { id } = await this.documents.create(dto, context);
    return this.detail(id, context);
  }

  @Patch(':id')
  @Roles(...DOCUMENT_WORKFLOW.update.roles)
  @ApiOperation({
    summary: `Changes number, title, category, evidence code, outlet, department or owner. ${REFUSED}`,
  })
  @ApiOkResponse({ type: DocumentDetailResponse })
  async update(
    @Param('id', UuidParam('id')) id: string,
    @Body() dto: UpdateDocumentDto,
    @Ctx() context: RequestContext,
  ): Promise<DocumentDetailResponse> {
    await this.documents.update(id, dto, context);
    return this.detail(id, context);
  }

  @Post(':id/versions')
  @Roles(...DOCUMENT_WORKFLOW.add_version.roles)
  @ApiOperation({
    summary: `Records an approved version with its file (an attachment of the document); it becomes current and the one before is superseded. ${REFUSED}`,
  })
  @ApiCreatedResponse({ type: DocumentDetailResponse })
  async addVersion(
    @Param('id', UuidParam('id')) id: string,
    @Body() dto: AddVersionDto,
    @Ctx() context: RequestContext,
  ): Promise<DocumentDetailResponse> {
    await this.actions.addVersion(id, dto, context);
    return this.detail(id, context);
  }

  @Post(':id/reviews')
  @Roles(...DOCUMENT_WORKFLOW.review.roles)
  @ApiOperation({
    summary: `Records a periodic review (复审) of the current version and the next review date. ${REFUSED}`,
  })
  @ApiCreatedResponse({ type: DocumentDetailResponse })
  async review(
    @Param('id', UuidParam('id')) id: string,
    @Body() dto: RecordReviewDto,
    @Ctx() context: RequestContext,
  ): Promise<DocumentDetailResponse> {
    await this.actions.review(id, dto, context);
    return this.detail(id, context);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @Roles(...DOCUMENT_WORKFLOW.withdraw.roles)
  @ApiOperation({ summary: `Withdraws (作废) the document; its versions and reviews stay. ${REFUSED}` })
  @ApiOkResponse({ type: DocumentDetailResponse })
  async withdraw(
    @Param('id', UuidParam('id')) id: string,
    @Body() dto: WithdrawDocumentDto,
    @Ctx() context: RequestContext,
  ): Promise<DocumentDetailResponse> {
    await this.actions.withdraw(id, dto, context);
    return this.detail(id, context);
  }

  private async detail(id: string, context: RequestContext): Promise<DocumentDetailResponse> {
    return toDocumentDetailResponse(await this.documents.dossier(id, context.user), this.calendar.today());
  }
}
