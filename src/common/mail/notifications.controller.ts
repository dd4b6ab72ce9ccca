import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { RequestContext } from '../../auth/authenticated-user';
import { Ctx, Roles } from '../../auth/decorators';
import { mapPage } from '../http/pagination';
import {
  ListMessagesQueryDto,
  MessagePageResponse,
  MessageResponse,
  TestMailDto,
  toMessageResponse,
} from './dto/message.dto';
import { NotificationService } from './notification.service';

/** The messages register (客户通知记录) and a way for an admin to check the mail settings. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('messages')
export class NotificationsController {
  constructor(private readonly notifications: NotificationService) {}

  @Get()
  @Roles('manager', 'auditor', 'admin')
  @ApiOkResponse({ type: MessagePageResponse })
  async list(@Query() query: ListMessagesQueryDto): Promise<MessagePageResponse> {
    return mapPage(await this.notifications.list(query), toMessageResponse);
  }

  @Post('test')
  @HttpCode(202)
  @Roles('admin')
  @ApiOkResponse({ type: MessageResponse })
  async sendTest(@Body() dto: TestMailDto, @Ctx() context: RequestContext): Promise<MessageResponse> {
    return toMessageResponse(await this.notifications.sendTestMail(dto.to, dto.language ?? 'zh', context));
  }
}
