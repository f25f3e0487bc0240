import type { DataSource } from 'typeorm';
import type { Viewer } from '../services/auth.service';
import type { Loaders } from '../services/loaders';
import type { Scope } from '../services/scope';

/** What every resolver receives; built anew for each request. */
export interface Context {
  db: DataSource;
  /** Batch loaders that only ever return what this request's viewer may see. */
  loaders: Loaders;
  /** The default `asOf`: today in the server's configured zone. */
  today: string;
  /** Who is asking; null without a token (only the public catalog answers then). */
  viewer: Viewer | null;
  /** What the viewer may read; throws UNAUTHENTICATED when there is no viewer. */
  scope(): Promise<Scope>;
}
