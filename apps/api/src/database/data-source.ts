import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadAppConfig } from '@accompany/config';
import { buildDataSourceOptions } from '@accompany/persistence';
import { PRODUCT_SCHEMA } from './schema';

/** The TypeORM CLI's data source (migration:generate, migration:generate --check). */
export default new DataSource(buildDataSourceOptions(loadAppConfig().database.url, PRODUCT_SCHEMA));
