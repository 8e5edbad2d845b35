"use client";

import { useEffect, useState } from "react";

function format(seconds: number) {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${h > 0 ? `${h}:` : ""}${String(m).padStart(h > 0 ? 2 : 1, "0")}:${String(s).padStart(2, "0")}`;
}

/** Client-side timer: the time banked so far plus the time since the batch started running. */
export function BenchTimer({ runningSince, accumulatedSeconds }: { runningSince: Date | null; accumulatedSeconds: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!runningSince) return;
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, [runningSince]);
  const running = runningSince ? Math.max(0, Math.floor((now - new Date(runningSince).getTime()) / 1000)) : 0;
  return (
    // The server renders the page with its own clock: a running timer reads a second or so later once hydrated.
    <span className="font-mono text-lg tabular-nums" aria-label="Time worked" role="timer" suppressHydrationWarning>
      {format(accumulatedSeconds + running)}
    </span>
  );
}
