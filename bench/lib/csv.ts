import { createWriteStream } from "node:fs";
import { once } from "node:events";

/**
 * The import benchmark's file: `;`-separated UTF-8 as Finnish Excel users send it, 12 columns
 * (e-mail, phone as 040 123 4567, names with Finnish letters, city, interests "golf, tennis",
 * d.m.yyyy and yyyy-mm-dd dates, a decimal comma, a postal code, kyllä/ei).
 */
export const HEADER = [
  "Sähköposti",
  "Puhelin",
  "Etunimi",
  "Sukunimi",
  "Kaupunki",
  "Kiinnostuksen kohteet",
  "Syntymäpäivä",
  "Liittynyt",
  "Pisteet",
  "Ostot",
  "Postinumero",
  "Jäsen",
];
const FIRST = ["Matti", "Liisa", "Aino", "Juhani", "Äijö", "Helmi", "Eero", "Sofia", "Väinö"];
const LAST = ["Virtanen", "Mäkelä", "Korhonen", "Nieminen", "Hämäläinen", "Järvinen", "Öhman"];
const CITY = ["Helsinki", "Espoo", "Tampere", "Oulu", "Turku", "Jyväskylä", "Hämeenlinna"];
export const INTEREST = ["golf", "tennis", "purjehdus", "hiihto", "kalastus"];

/** Writes the CSV of rows from..from+rows-1; row i is deterministic so runs are comparable. */
export async function writeCsv(file: string, rows: number, from = 0) {
  const out = createWriteStream(file);
  let buf = `${HEADER.join(";")}\n`;
  for (let i = from; i < from + rows; i++) {
    const a = INTEREST[i % 5]!;
    const b = INTEREST[(i * 7 + 3) % 5]!;
    buf +=
      `asiakas${i}@example.fi;040 ${String(1_000_000 + i).slice(0, 3)} ${String(1_000_000 + i).slice(3)};` +
      `${FIRST[i % FIRST.length]};${LAST[(i * 3) % LAST.length]};${CITY[(i * 5) % CITY.length]};` +
      `${a === b ? a : `${a}, ${b}`};${(i % 28) + 1}.${(i % 12) + 1}.${1950 + (i % 55)};` +
      `${2000 + (i % 25)}-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")};` +
      `${i % 1000},${i % 100};${i % 57};${String(i % 100_000).padStart(5, "0")};${i % 3 === 0 ? "kyllä" : "ei"}\n`;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, "drain");
      buf = "";
    }
  }
  out.end(buf);
  await once(out, "finish");
}
