// vitest globalSetup: one throw-away PostgreSQL cluster for the whole run, its URL handed to the
// tests as inject('postgresAdminUrl'). Missing binaries fail the run loudly rather than skipping the
// PostgreSQL half of the storage suite.
import type { TestProject } from 'vitest/node';
import { startPostgresCluster } from './postgres-cluster.js';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresAdminUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cluster = await startPostgresCluster();
  project.provide('postgresAdminUrl', cluster.adminUrl);
  return () => cluster.stop();
}
