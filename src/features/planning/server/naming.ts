/**
 * A batch's name from its items' own step names: one name when they agree; a family batch holding
 * different designs' steps ("Solder bails" and "Solder hoop closed") names them all, the commonest first,
 * rather than borrowing one design's step for everything.
 */
export function batchName(stepNames: string[]): string {
  const counts = new Map<string, number>();
  for (const name of stepNames) counts.set(name, (counts.get(name) ?? 0) + 1);
  const names = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name]) => name);
  if (names.length <= 2) return names.join(" / ");
  return `${names.slice(0, 2).join(" / ")} +${names.length - 2}`;
}
