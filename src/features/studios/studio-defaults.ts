import type { StudioFormat } from "~/lib/units";

// Sensible money and unit defaults for a new studio, from its time zone (and the browser's locale when it
// agrees with the zone's country). Editable in Settings. No server-only imports.

// Country of common IANA zones (zones not listed fall back to the browser's region, then the US).
const ZONE_COUNTRY: Record<string, string> = {
  "America/New_York": "US", "America/Chicago": "US", "America/Denver": "US", "America/Phoenix": "US", "America/Los_Angeles": "US",
  "America/Anchorage": "US", "Pacific/Honolulu": "US", "America/Detroit": "US", "America/Boise": "US", "America/Indiana/Indianapolis": "US",
  "America/Toronto": "CA", "America/Vancouver": "CA", "America/Edmonton": "CA", "America/Winnipeg": "CA", "America/Halifax": "CA", "America/St_Johns": "CA",
  "America/Mexico_City": "MX", "America/Sao_Paulo": "BR", "America/Argentina/Buenos_Aires": "AR", "America/Bogota": "CO", "America/Lima": "PE", "America/Santiago": "CL",
  "Europe/London": "GB", "Europe/Dublin": "IE", "Europe/Lisbon": "PT", "Europe/Madrid": "ES", "Europe/Paris": "FR", "Europe/Brussels": "BE",
  "Europe/Amsterdam": "NL", "Europe/Luxembourg": "LU", "Europe/Berlin": "DE", "Europe/Zurich": "CH", "Europe/Vienna": "AT", "Europe/Rome": "IT",
  "Europe/Copenhagen": "DK", "Europe/Oslo": "NO", "Europe/Stockholm": "SE", "Europe/Helsinki": "FI", "Europe/Warsaw": "PL", "Europe/Prague": "CZ",
  "Europe/Budapest": "HU", "Europe/Athens": "GR", "Europe/Istanbul": "TR", "Europe/Bucharest": "RO", "Europe/Kyiv": "UA", "Europe/Kiev": "UA",
  "Africa/Johannesburg": "ZA", "Africa/Lagos": "NG", "Africa/Nairobi": "KE", "Africa/Cairo": "EG", "Asia/Dubai": "AE", "Asia/Jerusalem": "IL",
  "Asia/Kolkata": "IN", "Asia/Calcutta": "IN", "Asia/Bangkok": "TH", "Asia/Singapore": "SG", "Asia/Hong_Kong": "HK", "Asia/Shanghai": "CN",
  "Asia/Tokyo": "JP", "Asia/Seoul": "KR", "Asia/Manila": "PH", "Asia/Jakarta": "ID", "Australia/Sydney": "AU", "Australia/Melbourne": "AU",
  "Australia/Brisbane": "AU", "Australia/Perth": "AU", "Australia/Adelaide": "AU", "Pacific/Auckland": "NZ",
};

const COUNTRY_CURRENCY: Record<string, string> = {
  US: "USD", CA: "CAD", MX: "MXN", BR: "BRL", AR: "ARS", CO: "COP", PE: "PEN", CL: "CLP", GB: "GBP", IE: "EUR", PT: "EUR", ES: "EUR",
  FR: "EUR", BE: "EUR", NL: "EUR", LU: "EUR", DE: "EUR", AT: "EUR", IT: "EUR", FI: "EUR", GR: "EUR", CH: "CHF", DK: "DKK", NO: "NOK",
  SE: "SEK", PL: "PLN", CZ: "CZK", HU: "HUF", TR: "TRY", RO: "RON", UA: "UAH", ZA: "ZAR", NG: "NGN", KE: "KES", EG: "EGP", AE: "AED",
  IL: "ILS", IN: "INR", TH: "THB", SG: "SGD", HK: "HKD", CN: "CNY", JP: "JPY", KR: "KRW", PH: "PHP", ID: "IDR", AU: "AUD", NZ: "NZD",
};

// The language a studio in that country most likely writes numbers in (English otherwise).
const COUNTRY_LANGUAGE: Record<string, string> = {
  MX: "es", AR: "es", CO: "es", PE: "es", CL: "es", ES: "es", BR: "pt", PT: "pt", FR: "fr", BE: "fr", LU: "fr", NL: "nl", DE: "de",
  AT: "de", CH: "de", IT: "it", DK: "da", NO: "nb", SE: "sv", FI: "fi", PL: "pl", CZ: "cs", HU: "hu", GR: "el", TR: "tr", RO: "ro",
  UA: "uk", JP: "ja", KR: "ko", CN: "zh", TH: "th", ID: "id",
};

// Countries that measure in inches and feet.
const IMPERIAL = new Set(["US", "LR", "MM"]);

function regionOf(locale: string | undefined): string | null {
  try {
    return locale ? (new Intl.Locale(locale).maximize().region ?? null) : null;
  } catch {
    return null;
  }
}

export function studioDefaults(timeZone: string, browserLocale?: string): StudioFormat {
  const country = ZONE_COUNTRY[timeZone] ?? regionOf(browserLocale) ?? "US";
  const locale = browserLocale && regionOf(browserLocale) === country ? browserLocale : `${COUNTRY_LANGUAGE[country] ?? "en"}-${country}`;
  return { currency: COUNTRY_CURRENCY[country] ?? "USD", locale: isValidLocale(locale) ? locale : "en-US", unitSystem: IMPERIAL.has(country) ? "IMPERIAL" : "METRIC" };
}

export function isValidCurrency(code: string): boolean {
  try {
    return /^[A-Z]{3}$/.test(code) && new Intl.NumberFormat("en", { style: "currency", currency: code }).resolvedOptions().currency === code;
  } catch {
    return false;
  }
}

export function isValidLocale(locale: string): boolean {
  try {
    return Intl.NumberFormat.supportedLocalesOf([locale]).length > 0 && new Intl.Locale(locale).toString().length > 0;
  } catch {
    return false;
  }
}

/** Currencies for the settings list: the common ones first, then every other one the runtime knows. */
export function currencyOptions(): string[] {
  const common = ["USD", "EUR", "GBP", "CAD", "AUD", "NZD", "CHF", "SEK", "NOK", "DKK", "JPY"];
  const all = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.("currency") ?? [];
  return [...common, ...all.filter((code) => !common.includes(code))];
}

/** Number formats for the settings list (locale -> a sample a person recognises). */
export const LOCALE_OPTIONS = ["en-US", "en-GB", "en-CA", "en-AU", "en-IE", "de-DE", "de-AT", "de-CH", "fr-FR", "fr-CA", "fr-BE", "es-ES", "es-MX", "it-IT", "nl-NL", "pt-PT", "pt-BR", "da-DK", "sv-SE", "nb-NO", "fi-FI", "pl-PL", "cs-CZ", "ja-JP"];
