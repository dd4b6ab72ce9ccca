import 'reflect-metadata';
import { mkdir } from 'node:fs/promises';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { AppConfig, ConfigError, redactUrl } from './common/config/config';
import { loadConfigFromProcess } from './common/config/load-config-from-process';
import { prepareDatabase } from './common/database/prepare-database';
import { HTTP_APP_OPTIONS, configureHttpApp } from './http-app';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

function readConfig(): AppConfig {
  try {
    return loadConfigFromProcess();
  } catch (error) {
    if (error instanceof ConfigError) fail(`Configuration error: ${error.message}`);
    throw error;
  }
}

async function bootstrap(): Promise<void> {
  const config = readConfig();
  try {
    await mkdir(config.dataDir, { recursive: true });
  } catch (error) {
    fail(`DATA_DIR: cannot create ${config.dataDir}: ${(error as Error).message}`);
  }
  try {
    await prepareDatabase(config.databaseUrl);
  } catch (error) {
    fail(`DATABASE_URL: cannot prepare ${redactUrl(config.databaseUrl)}: ${(error as Error).message}`);
  }
  const module = AppModule.forRoot(config);
  if (config.role === 'worker') {
    const worker = await NestFactory.createApplicationContext(module, { bufferLogs: true });
    worker.useLogger(worker.get(Logger));
    worker.enableShutdownHooks();
    await worker.init();
    worker.get(Logger).log('Worker started');
    return;
  }
  const app = await NestFactory.create<NestExpressApplication>(module, HTTP_APP_OPTIONS);
  app.useLogger(app.get(Logger));
  configureHttpApp(app);
  await app.listen(config.port);
  app.get(Logger).log(`Listening on port ${config.port} (role ${config.role})`);
}

void bootstrap();
