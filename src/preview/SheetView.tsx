/**
 * The left half of the preview: the workbook's sheet tabs and a plain HTML table of the active sheet,
 * where the selection (a clicked cell, or the cell a finding points to) is highlighted. Only a window
 * of rows is drawn, so a sheet of 200 000 rows stays responsive.
 */
import { useEffect, useRef, useState, useSyncExternalStore, type MouseEvent } from "react";
import { columnLetter, isCellError, type CellValue } from "../workbook/port";
import { rangeAddress, type CellRange, type PreviewWorkbook } from "./previewWorkbook";

/** Rows drawn at once. */
const WINDOW = 150;

/** The first row shown: unchanged while row `top` is in the window, else 10 rows above it. */
function debutFenetre(debut: number, top: number): number {
  return top < debut || top >= debut + WINDOW ? Math.max(0, top - 10) : debut;
}

function display(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (isCellError(value)) return value.error;
  if (typeof value === "boolean") return value ? "VRAI" : "FAUX";
  if (typeof value === "number") return value.toLocaleString("fr-FR", { maximumFractionDigits: 6 });
  return value;
}

function inRange(range: CellRange | null, row: number, column: number): boolean {
  return (
    range !== null && row >= range.top && row <= range.bottom && column >= range.left && column <= range.right
  );
}

export function SheetView({ workbook }: { workbook: PreviewWorkbook }) {
  const state = useSyncExternalStore(workbook.subscribe, workbook.snapshot);
  const sheet = workbook.sheet(state.active);
  const values = sheet?.values ?? [];
  const top = state.selection?.top ?? 0;
  const [start, setStart] = useState(() => debutFenetre(0, top));
  const anchor = useRef<{ row: number; column: number } | null>(null);
  const table = useRef<HTMLDivElement>(null);

  // Bring the selection into view when it changes (a finding was clicked in the pane), during this
  // render rather than by an effect and a second render.
  const [suivie, setSuivie] = useState({ active: state.active, selection: state.selection });
  if (suivie.active !== state.active || suivie.selection !== state.selection) {
    setSuivie({ active: state.active, selection: state.selection });
    setStart((f) => debutFenetre(f, top));
  }
  useEffect(() => {
    table.current
      ?.querySelector("[data-selectionnee]")
      ?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [state.version, start]);

  const width = Math.max(
    1,
    ...values.slice(start, start + WINDOW).map((r) => r.length),
    values[0]?.length ?? 0,
  );
  const rows = values.slice(start, start + WINDOW);

  const onCell = (event: MouseEvent, row: number, column: number) => {
    const a = event.shiftKey && anchor.current ? anchor.current : { row, column };
    if (!event.shiftKey) anchor.current = { row, column };
    workbook.select({
      top: Math.min(a.row, row),
      bottom: Math.max(a.row, row),
      left: Math.min(a.column, column),
      right: Math.max(a.column, column),
    });
  };

  return (
    <section className="classeur" aria-label="Classeur d'exemple">
      <div className="onglets-feuilles" role="group" aria-label="Feuilles du classeur">
        {workbook.sheets.map((f) => (
          <button
            key={f.name}
            type="button"
            aria-pressed={f.name === state.active}
            className={f.owned ? "feuille-resultat" : undefined}
            onClick={() => workbook.activate(f.name)}
          >
            {f.name}
          </button>
        ))}
      </div>
      <div className="barre-feuille">
        <span aria-live="polite">
          {state.selection ? `Sélection : ${rangeAddress(state.selection)}` : "Aucune sélection"} —{" "}
          {values.length.toLocaleString("fr-FR")} lignes
        </span>
        <span>
          <button type="button" disabled={start === 0} onClick={() => setStart(Math.max(0, start - WINDOW))}>
            Lignes précédentes
          </button>{" "}
          <button
            type="button"
            disabled={start + WINDOW >= values.length}
            onClick={() => setStart(start + WINDOW)}
          >
            Lignes suivantes
          </button>
        </span>
      </div>
      <div className="grille" ref={table}>
        <table aria-label={`Feuille « ${state.active} », lignes ${start + 1} à ${start + rows.length}`}>
          <thead>
            <tr>
              <th scope="col" aria-label="Numéro de ligne"></th>
              {Array.from({ length: width }, (_, j) => (
                <th scope="col" key={j}>
                  {columnLetter(j)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => {
              const r = start + i;
              return (
                <tr key={r}>
                  <th scope="row">{r + 1}</th>
                  {Array.from({ length: width }, (_, j) => {
                    const selected = inRange(state.selection, r, j);
                    return (
                      <td
                        key={j}
                        data-cellule={`${columnLetter(j)}${r + 1}`}
                        data-selectionnee={selected ? "" : undefined}
                        className={typeof row[j] === "number" ? "nombre" : undefined}
                        onClick={(event) => onCell(event, r, j)}
                      >
                        {display(row[j])}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
