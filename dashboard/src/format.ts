/** Money arrives as integer cents; the dashboard speaks whole dollars unless cents matter. */
const dollars = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  maximumFractionDigits: 0,
});

export function money(cents: number | null): string {
  return cents === null ? 'unknown' : dollars.format(cents / 100);
}

export function moneyRange(cost: { min: number; expected: number; max: number } | null): string {
  if (cost === null) return 'unknown';
  if (cost.min === cost.max) return money(cost.expected);
  return `${money(cost.min)} – ${money(cost.max)}`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
