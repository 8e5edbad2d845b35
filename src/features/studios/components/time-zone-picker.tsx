"use client";

import { useId, useMemo, useRef, useState } from "react";
import { utcOffsetMinutes } from "~/server/time-zone";
import { timeZoneOptions } from "./time-zones";

const MAX_SHOWN = 60;

function offsetLabel(zone: string): string {
  const minutes = utcOffsetMinutes(zone);
  const sign = minutes < 0 ? "−" : "+";
  const abs = Math.abs(minutes);
  return `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

/** "new york", "New_York", "berlin" all find their zone; words may come in any order ("us pacific"). */
export function matchZones(zones: string[], query: string): string[] {
  const words = query.trim().toLowerCase().replace(/_/g, " ").split(/[\s/]+/).filter(Boolean);
  if (words.length === 0) return zones;
  return zones.filter((zone) => {
    const text = zone.toLowerCase().replace(/_/g, " ");
    return words.every((word) => text.includes(word));
  });
}

/**
 * A searchable time-zone field (combobox): type part of a city or region, pick with the mouse or the arrow
 * keys and Enter. Only a real IANA zone can be chosen; leaving the field with unfinished text keeps the
 * previous zone.
 */
export function TimeZonePicker({ label = "Time zone", value, onChange, error, disabled }: { label?: string; value: string; onChange: (zone: string) => void; error?: string; disabled?: boolean }) {
  const zones = useMemo(() => timeZoneOptions(), []);
  const id = useId();
  const [query, setQuery] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const listRef = useRef<HTMLUListElement>(null);
  const open = query !== null;
  const matches = open ? matchZones(zones, query).slice(0, MAX_SHOWN) : [];

  const choose = (zone: string) => {
    onChange(zone);
    setQuery(null);
  };
  const move = (to: number) => {
    const next = Math.max(0, Math.min(matches.length - 1, to));
    setActive(next);
    listRef.current?.children[next]?.scrollIntoView({ block: "nearest" });
  };

  return (
    <div className="relative space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-stone-700">{label}</label>
      <input
        id={id}
        role="combobox"
        aria-expanded={open}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={open && matches[active] ? `${id}-${active}` : undefined}
        aria-invalid={error ? true : undefined}
        autoComplete="off"
        spellCheck={false}
        disabled={disabled}
        placeholder="Type a city, e.g. Berlin"
        className="block w-full rounded-lg border border-stone-300 bg-white px-3 py-2 text-base text-stone-900 shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30 aria-[invalid=true]:border-red-500 sm:text-sm"
        value={open ? query : value}
        onFocus={(e) => e.currentTarget.select()}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown") {
            e.preventDefault();
            if (!open) setQuery("");
            else move(active + 1);
          } else if (e.key === "ArrowUp") {
            e.preventDefault();
            move(active - 1);
          } else if (e.key === "Enter" && open) {
            e.preventDefault();
            if (matches[active]) choose(matches[active]!);
          } else if (e.key === "Escape" && open) {
            e.preventDefault();
            setQuery(null);
          }
        }}
        onBlur={() => {
          // A typed zone that exists is taken as it is; anything else falls back to the previous choice.
          const exact = query && zones.find((zone) => zone.toLowerCase() === query.trim().toLowerCase());
          if (exact) choose(exact);
          else setQuery(null);
        }}
      />
      {open && (
        <ul id={`${id}-list`} ref={listRef} role="listbox" aria-label={label} className="absolute z-20 mt-1 max-h-64 w-full overflow-auto rounded-lg border border-stone-200 bg-white py-1 text-sm shadow-lg">
          {matches.length === 0 && <li className="px-3 py-2 text-stone-500">No time zone matches “{query}”.</li>}
          {matches.map((zone, index) => (
            <li
              key={zone}
              id={`${id}-${index}`}
              role="option"
              aria-selected={index === active}
              className={`flex cursor-pointer justify-between gap-3 px-3 py-1.5 ${index === active ? "bg-brand-50 text-brand-900" : "text-stone-800"}`}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(zone);
              }}
              onMouseEnter={() => setActive(index)}
            >
              <span>{zone.replace(/_/g, " ")}</span>
              <span className="shrink-0 text-xs text-stone-500">{offsetLabel(zone)}</span>
            </li>
          ))}
        </ul>
      )}
      {error && <p role="alert" className="text-sm text-red-600">{error}</p>}
    </div>
  );
}
