export function timeZoneOptions(): string[] {
  const supported = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.("timeZone");
  return supported && supported.length ? ["UTC", ...supported.filter((zone) => zone !== "UTC")] : ["UTC"];
}

export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  } catch {
    return "UTC";
  }
}

export function browserLocale(): string | undefined {
  try {
    return typeof navigator === "undefined" ? undefined : navigator.language || undefined;
  } catch {
    return undefined;
  }
}
