// What every bench case reports with: the process's peak resident memory. Each case runs in a
// process of its own (bench/run.ts), so the peak is the case's.

export function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

export function seconds(ms: number): number {
  return Number((ms / 1000).toFixed(2));
}
