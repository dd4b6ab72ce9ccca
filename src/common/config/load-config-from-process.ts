import * as dotenv from 'dotenv';
import { AppConfig, loadConfig } from './config';

/** The one place that reads the process environment (and an optional .env beside the working directory). */
export function loadConfigFromProcess(): AppConfig {
  dotenv.config({ quiet: true });
  return loadConfig(process.env);
}
