import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "../fixtures/auth";
import {
  cp1252,
  createRegisterWithInterests,
  downloadImportReport,
  expectFinnishCsvPreview,
  expectRejectedRowReasons,
  importCount,
  startImportAndWait,
  uploadImportFile,
  createSegment,
  exportAndDownload,
  readXlsxRows,
} from "./helpers";

// Issue 4's acceptance flow as ONE journey of a new user: register → import → report →
// segment with a live count → .xlsx export read back. The steps are the helpers the
// import and segment specs share, so a change of UI text breaks them all in one place.

/** Finnish Excel's CSV: Windows-1252, semicolons, CRLF; five good rows and three bad ones. */
function customersCsv(run: number): Buffer {
  return cp1252(
    [
      "Sähköposti;Etunimi;Sukunimi;Kaupunki;Kiinnostuksen kohteet",
      `matti-${run}@example.fi;Matti;Meikäläinen;Helsinki;golf, tennis`,
      `liisa-${run}@example.fi;Liisa;Mäkelä;Helsinki;tennis`,
      `aino-${run}@example.fi;Aino;Äijälä;Hämeenlinna;golf`,
      `pirjo-${run}@example.fi;Pirjo;Öhman;Helsinki;golf, purjehdus`,
      `eero-${run}@example.fi;Eero;Järvinen;Espoo;purjehdus`,
      "ei-osoite;Väärä;Osoite;Oulu;",
      `pekka-${run}@example.fi;Pekka;Peloton;Helsinki;sulkapallo`,
      `MATTI-${run}@example.fi;Matti;Tupla;Helsinki;golf`,
      "",
    ].join("\r\n"),
  );
}

test("[acceptance] register → Windows-1252 import with bad rows → report → segment with live count → .xlsx", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signIn(page, DEMO);
  const run = Date.now();
  const name = `Hyväksyntä ${run}`;

  // 1. A register with a multiple-choice "interests" column.
  await createRegisterWithInterests(page, name);
  const registerPath = new URL(page.url()).pathname;

  // 2. Import the semicolon-separated Windows-1252 CSV with Finnish headers.
  await uploadImportFile(page, { name: "asiakkaat.csv", buffer: customersCsv(run) });
  await expectFinnishCsvPreview(page);
  await expect(page.getByRole("cell", { name: "Öhman", exact: true })).toBeVisible();
  await expect(page.getByLabel("Rekisterin sarake: Kiinnostuksen kohteet")).toHaveValue(
    "c:kiinnostuksen_kohteet",
  );
  await startImportAndWait(page);

  // 3. The report: every bad row with its row number and reason, and as a download.
  expect(await importCount(page, "total")).toBe("8");
  expect(await importCount(page, "inserted")).toBe("5");
  expect(await importCount(page, "rejected")).toBe("3");
  await expectRejectedRowReasons(page);
  const report = await downloadImportReport(page);
  expect(report).toContain("ei-osoite;Väärä;Osoite;Oulu");
  expect(report).toContain("sulkapallo");

  // 4. The segment city = Helsinki AND interests contains golf; the live count follows each
  //    condition (Helsinki: Matti, Liisa, Pirjo; with golf: Matti, Pirjo).
  const segmentPath = await createSegment(
    page,
    registerPath,
    "Helsingin golfarit",
    [
      { field: "Kaupunki", operator: "on", text: "Helsinki" },
      { field: "Kiinnostuksen kohteet", operator: "sisältää jonkin näistä", check: ["golf"] },
    ],
    [3, 2],
  );
  await expect(page.getByTestId("segment-count-line")).toHaveText(
    "2 yhteystietoa kuuluu segmenttiin.",
  );

  // 5. Export the segment to .xlsx and read the file back.
  await page.goto(segmentPath);
  const file = await exportAndDownload(page, "xlsx");
  expect(file.name).toMatch(/\.xlsx$/);
  const rows = await readXlsxRows(file.bytes);
  expect(rows[0]!.slice(0, 6)).toEqual([
    "Sähköposti",
    "Puhelin",
    "Etunimi",
    "Sukunimi",
    "Kaupunki",
    "Kiinnostuksen kohteet",
  ]);
  expect(
    rows
      .slice(1)
      .map((r) => [r[0], r[2], r[3], r[4], r[5]])
      .sort(),
  ).toEqual([
    [`matti-${run}@example.fi`, "Matti", "Meikäläinen", "Helsinki", "golf, tennis"],
    [`pirjo-${run}@example.fi`, "Pirjo", "Öhman", "Helsinki", "golf, purjehdus"],
  ]);
});
