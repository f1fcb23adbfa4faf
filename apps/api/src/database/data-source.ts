import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadAppConfig } from '@accompany/config';
import { buildDataSourceOptions } from '@accompany/persistence';
import { ALL_ENTITIES } from './entities';

/** The TypeORM CLI's data source (migration:generate, migration:generate --check). */
export default new DataSource(buildDataSourceOptions(loadAppConfig().database.url, ALL_ENTITIES));
