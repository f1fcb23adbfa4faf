const ISO_DURATION = /^P(?!$)(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/** ISO-8601 durations in days, hours, minutes and seconds (`P30D`, `PT2S`, `P1DT12H`) to milliseconds. */
export function parseDuration(iso: string): number {
  const match = ISO_DURATION.exec(iso);
  if (!match) throw new RangeError(`not an ISO-8601 duration: ${iso}`);
  const [, days, hours, minutes, seconds] = match.map((part) => Number(part ?? 0));
  return ((((days ?? 0) * 24 + (hours ?? 0)) * 60 + (minutes ?? 0)) * 60 + (seconds ?? 0)) * 1000;
}

export function isIsoDuration(value: unknown): boolean {
  return typeof value === 'string' && ISO_DURATION.test(value);
}
