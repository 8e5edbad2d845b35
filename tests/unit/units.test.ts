import { describe, expect, it } from "vitest";
import { convertMilli, displayUnit, formatCents, formatGauge, formatQuantity, toMilli } from "~/lib/units";
import { studioDefaults } from "~/features/studios/studio-defaults";

const berlin = { currency: "EUR", locale: "de-DE", unitSystem: "METRIC" as const };
const newYork = { currency: "USD", locale: "en-US", unitSystem: "IMPERIAL" as const };

describe("unit conversions", () => {
  it("converts exactly: 1 in = 25.4 mm, 1 ft = 12 in, 1 dwt = 1.55517384 g, 1 ozt = 20 dwt = 31.1034768 g", () => {
    expect(convertMilli(toMilli(1), "INCH", "MILLIMETER")).toBe(25_400);
    expect(convertMilli(toMilli(1), "FOOT", "INCH")).toBe(12_000);
    expect(convertMilli(toMilli(2.5), "METER", "CENTIMETER")).toBe(250_000);
    expect(convertMilli(toMilli(1), "TROY_OUNCE", "PENNYWEIGHT")).toBe(20_000);
    expect(convertMilli(toMilli(1000), "PENNYWEIGHT", "GRAM")).toBe(1_555_174); // 1,555.17384 g, to the milligram
    expect(convertMilli(toMilli(1), "TROY_OUNCE", "GRAM")).toBe(31_103);
    expect(convertMilli(toMilli(31.1034768), "GRAM", "TROY_OUNCE")).toBe(1_000);
    // Large stock does not lose precision (BigInt arithmetic): 2,000 kg of silver in ozt.
    expect(convertMilli(2_000_000_000, "GRAM", "TROY_OUNCE")).toBe(64_301_493);
    expect(convertMilli(-25_400, "MILLIMETER", "INCH")).toBe(-1_000);
    expect(() => convertMilli(1000, "GRAM", "MILLIMETER")).toThrow("Cannot convert g to mm");
  });

  it("shows quantities in the studio's system and number format", () => {
    expect(displayUnit("INCH", "METRIC")).toBe("MILLIMETER");
    expect(displayUnit("MILLIMETER", "IMPERIAL")).toBe("INCH");
    expect(displayUnit("PIECE", "IMPERIAL")).toBe("PIECE");
    expect(formatQuantity(55_000, "MILLIMETER", berlin)).toBe("55 mm");
    expect(formatQuantity(55_880, "MILLIMETER", newYork)).toBe("2.2 in");
    expect(formatQuantity(2_500, "INCH", berlin)).toBe("63,5 mm");
    expect(formatQuantity(1_234_500, "GRAM", berlin)).toBe("1.234,5 g");
    expect(formatQuantity(3_000, "PIECE", newYork)).toBe("3 pcs");
  });

  it("formats money in the studio's currency and locale", () => {
    expect(formatCents(123_450, berlin)).toBe("1.234,50\u00a0€");
    expect(formatCents(123_450, newYork)).toBe("$1,234.50");
    expect(formatCents(95, { currency: "GBP", locale: "en-GB" })).toBe("£0.95");
  });

  it("reads gauges as typed", () => {
    expect(formatGauge("22")).toBe("22 ga");
    expect(formatGauge("22ga")).toBe("22ga");
    expect(formatGauge("0.6 mm")).toBe("0.6 mm");
  });
});

describe("a new studio's money and units", () => {
  it("come from its time zone, with the browser's locale when it is from the same country", () => {
    expect(studioDefaults("Europe/Berlin", "en-US")).toEqual({ currency: "EUR", locale: "de-DE", unitSystem: "METRIC" });
    expect(studioDefaults("America/New_York", "en-US")).toEqual({ currency: "USD", locale: "en-US", unitSystem: "IMPERIAL" });
    expect(studioDefaults("Europe/London")).toEqual({ currency: "GBP", locale: "en-GB", unitSystem: "METRIC" });
    expect(studioDefaults("America/Toronto", "fr-CA")).toEqual({ currency: "CAD", locale: "fr-CA", unitSystem: "METRIC" });
    expect(studioDefaults("UTC", "de-AT")).toEqual({ currency: "EUR", locale: "de-AT", unitSystem: "METRIC" });
    expect(studioDefaults("UTC")).toEqual({ currency: "USD", locale: "en-US", unitSystem: "IMPERIAL" });
  });
});
