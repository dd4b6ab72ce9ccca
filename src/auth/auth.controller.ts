import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { requestIdOf } from '../common/logging/request-id';
import { toUserResponse } from '../users/dto/user.dto';
import { AuthService } from './auth.service';
import { Public } from './decorators';
import { LoginDto, LoginResponse } from './dto/login.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResponse })
  async login(@Body() dto: LoginDto, @Req() request: Request): Promise<LoginResponse> {
    const result = await this.auth.login(dto.username, dto.password, requestIdOf(request));
    return {
      accessToken: result.accessToken,
      expiresIn: result.expiresIn,
      user: toUserResponse(result.user),
    };
  }
}
