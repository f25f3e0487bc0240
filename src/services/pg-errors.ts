/** True when PostgreSQL refused a write for breaking a unique constraint. */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === '23505';
}
