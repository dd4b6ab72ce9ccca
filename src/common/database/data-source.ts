import { DataSource } from 'typeorm';
import { loadConfigFromProcess } from '../config/load-config-from-process';
import { dataSourceOptions } from './data-source-options';

/** Entry point of the TypeORM CLI (npm run migration:*). */
export default new DataSource(dataSourceOptions(loadConfigFromProcess().databaseUrl));
