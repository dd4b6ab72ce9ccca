import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { RequestContext } from '../auth/authenticated-user';
import { Ctx, Roles } from '../auth/decorators';
import { UuidParam } from '../common/http/uuid-param';
import { AT_RISK_WITHIN_MS, BOARD_LIST_LIMIT, DispatchService } from './dispatch.service';
import { BOARD_READERS, CANDIDATE_READERS } from './domain/dispatch-access';
import {
  CandidatesResponse,
  DispatchBoardResponse,
  toCandidatesResponse,
  toDispatchBoardResponse,
} from './dto/dispatch-response.dto';

@ApiTags('dispatch')
@ApiBearerAuth()
@Controller()
export class DispatchController {
  constructor(private readonly dispatch: DispatchService) {}

  @Get('tickets/:id/candidates')
  @Roles(...CANDIDATE_READERS)
  @ApiOperation({
    summary:
      'Ranks every enabled technician the caller may see for the ticket: outlet covering the region, ' +
      'valid qualification for the product category (expired below missing), fewest open jobs, ' +
      'latest nearest deadline; with the reasons in Chinese. 404 when the caller may not see the ticket',
  })
  @ApiOkResponse({ type: CandidatesResponse })
  async candidates(
    @Param('id', UuidParam('id')) id: string,
    @Ctx() context: RequestContext,
  ): Promise<CandidatesResponse> {
    return toCandidatesResponse(await this.dispatch.candidates(id, context.user));
  }

  @Get('dispatch/board')
  @Roles(...BOARD_READERS)
  @ApiOperation({
    summary:
      `Tickets awaiting dispatch, due within ${AT_RISK_WITHIN_MS / 60_000} minutes, and breached, each ` +
      `list the ${BOARD_LIST_LIMIT} most pressing (earliest deadline first) with totals; and every ` +
      "technician's load. Outlet-bound users see their own outlet only",
  })
  @ApiOkResponse({ type: DispatchBoardResponse })
  async board(@Ctx() context: RequestContext): Promise<DispatchBoardResponse> {
    return toDispatchBoardResponse(await this.dispatch.board(context.user));
  }
}
