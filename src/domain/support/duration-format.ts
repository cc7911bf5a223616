// Durations shown to people (pages and e-mails): minutes as "2 h 30 min", "45 min", "3 h"; the same
// abbreviations read right in English, French and Spanish. Negative durations do not occur.

export function formatMinutes(minutes: number): string {
  const m = Math.max(0, Math.round(minutes));
  const h = Math.floor(m / 60);
  const rest = m % 60;
  if (h === 0) return `${rest} min`;
  return rest === 0 ? `${h} h` : `${h} h ${String(rest).padStart(2, "0")} min`;
}

/** Minutes as decimal hours, to 2 decimals (the chart's axis and its table). */
export const minutesToHours = (minutes: number): number => Math.round((minutes / 60) * 100) / 100;
