"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

const BRAND = "var(--color-brand-600, #7c5a2e)";
const MUTED = "var(--color-stone-400, #a8a29e)";
const DANGER = "var(--color-red-500, #ef4444)";

/** Pieces done per day (stacked with scrapped pieces). */
export function ThroughputChart({ days }: { days: Array<{ day: string; piecesDone: number; piecesScrapped: number }> }) {
  return (
    <div className="h-64" role="img" aria-label={`Pieces done per day: ${days.reduce((s, d) => s + d.piecesDone, 0)} in total`}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={days} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="day" tickFormatter={(day: string) => day.slice(5)} fontSize={12} minTickGap={12} />
          <YAxis allowDecimals={false} fontSize={12} />
          <Tooltip />
          <Legend />
          <Bar dataKey="piecesDone" name="Done" stackId="pieces" fill={BRAND} />
          <Bar dataKey="piecesScrapped" name="Scrapped" stackId="pieces" fill={DANGER} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Pieces waiting and in progress per step (horizontal stacked bars). */
export function WipChart({ steps }: { steps: Array<{ stepName: string; waiting: number; inProgress: number }> }) {
  return (
    <div style={{ height: 48 + steps.length * 36 }} role="img" aria-label="Pieces waiting and in progress per step">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={steps} layout="vertical" margin={{ top: 0, right: 8, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} fontSize={12} />
          <YAxis type="category" dataKey="stepName" width={120} fontSize={12} />
          <Tooltip />
          <Legend />
          <Bar dataKey="inProgress" name="In progress" stackId="wip" fill={BRAND} />
          <Bar dataKey="waiting" name="Waiting" stackId="wip" fill={MUTED} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Scrap rate per step, in percent. */
export function ScrapChart({ steps }: { steps: Array<{ stepName: string; scrapRate: number; piecesDone: number; piecesScrapped: number }> }) {
  const data = steps.map((step) => ({ ...step, percent: Math.round(step.scrapRate * 1000) / 10 }));
  return (
    <div style={{ height: 48 + steps.length * 36 }} role="img" aria-label="Scrap rate per step">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ top: 0, right: 8, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" unit=" %" fontSize={12} />
          <YAxis type="category" dataKey="stepName" width={120} fontSize={12} />
          <Tooltip formatter={(value) => `${String(value)} %`} />
          <Bar dataKey="percent" name="Scrap rate" fill={DANGER} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
