import { INestApplication, RequestMethod, ValidationPipe } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { HttpExceptionFilter } from './common/errors/http-exception.filter';
import { validationFailed } from './common/errors/validation-errors';
import { NoNulCharactersPipe } from './common/http/no-nul.pipe';
import { assignRequestId } from './common/logging/logging.module';

export const API_PREFIX = 'api/v1';

/** Everything the HTTP application needs beyond its modules; shared by main and the tests. */
/** Options for NestFactory.create: the body parser is added by configureHttpApp, after the request id. */
export const HTTP_APP_OPTIONS = { bodyParser: false, bufferLogs: true } as const;

export function configureHttpApp(app: NestExpressApplication): INestApplication {
  app.use(assignRequestId);
  app.useBodyParser('json', { limit: '1mb' });
  app.setGlobalPrefix(API_PREFIX, { exclude: [{ path: 'health', method: RequestMethod.GET }] });
  app.useGlobalPipes(
    new NoNulCharactersPipe(),
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: validationFailed,
    }),
  );
  app.useGlobalFilters(new HttpExceptionFilter());
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('After-sales service operations API')
      .setDescription('售后服务运营与 GB/T 27922 审核证据')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document);
  return app;
}
