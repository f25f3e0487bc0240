import type { DataSource } from 'typeorm';
import type { Loaders } from '../services/loaders';

/** What every resolver receives; built anew for each request. */
export interface Context {
  db: DataSource;
  loaders: Loaders;
  /** The default `asOf`: today in the server's configured zone. */
  today: string;
}
