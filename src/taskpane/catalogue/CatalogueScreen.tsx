/**
 * Catalogue: the indicative list of eligible formations (R4), searchable by code, libellé, NSF group
 * or type; a search also finds the known exclusions, with a « Non éligible » badge and the reason; a
 * code typed that is not in the list is judged by the rule (R2+R3) with the core's motif; the list can
 * be inserted as a sheet. The list is the one in force for the year in progress: loaded in the workbook
 * (« Charger la liste d'une rentrée », below), or embedded.
 */
import { useMemo, useState } from "react";
import { makeResetStyles, makeStyles, mergeClasses } from "@fluentui/react-components";
import { Field } from "../components/Field";
import { Button } from "../components/Button";
import { tokens } from "../tokens";
import { LIBELLES_CATEGORIES, formaterEntier } from "../../rules";
import { useEcranStyles } from "../components/ecranStyles";
import { FeedbackNotice, useFeedback } from "../components/Feedback";
import { Body1, Caption1, Subtitle2, ColumnHeads, Notice, FitSelect, TextInput } from "../components/ui";
import { count } from "../format";
import { useCatalogues, useServices } from "../services";
import { ChargerListe, ListesChargees } from "./ChargerListe";
import {
  catalogueRows,
  catalogueSheet,
  diplomaTypes,
  judgeTypedCode,
  searchCatalogue,
  type CatalogueRow,
} from "./search";

const useStyles = makeStyles({
  code: { fontFamily: tokens.fontFamilyMonospace, whiteSpace: "nowrap" },
  details: { display: "block", color: tokens.colorNeutralForeground3 },
});

// A badge drawn here rather than Fluent's Badge: 13 KB of script for a coloured word (design.md §8).
// The only class of its element: a reset style, one class name on the page.
const useNonEligible = makeResetStyles({
  display: "inline-block",
  whiteSpace: "nowrap",
  padding: `0 ${tokens.spacingHorizontalXS}`,
  borderRadius: tokens.borderRadiusMedium,
  backgroundColor: tokens.colorPaletteRedBackground1,
  color: tokens.colorPaletteRedForeground1,
  fontWeight: tokens.fontWeightSemibold,
});

/** « 14 formations trouvées, 1 cas non éligible ». */
function resultCount(found: readonly CatalogueRow[], all: number): string {
  const eligibles = found.filter((row) => row.eligible).length;
  const exclues = found.length - eligibles;
  if (exclues === 0 && eligibles === all) return count(eligibles, "formation");
  const formations = count(eligibles, "formation éligible trouvée", "formations éligibles trouvées");
  return exclues === 0
    ? formations
    : `${formations}, ${count(exclues, "cas non éligible", "cas non éligibles")}`;
}

/** Rows shown at once; « Afficher plus » adds as many. */
const PAGE = 40;

export function CatalogueScreen() {
  const styles = useEcranStyles();
  const local = useStyles();
  const nonEligible = useNonEligible();
  // A table of text: every cell left-aligned.
  const cellule = mergeClasses(styles.cellule, styles.gauche);
  const entete = mergeClasses(cellule, styles.fort);
  const code = mergeClasses(cellule, local.code);
  const { action, currentYear } = useServices();
  const catalogues = useCatalogues();
  const catalogue = useMemo(() => catalogues.pour(currentYear), [catalogues, currentYear]);
  const rows = useMemo(() => catalogueRows(catalogue), [catalogue]);
  const types = useMemo(() => diplomaTypes(catalogue), [catalogue]);
  const [query, setQuery] = useState("");
  const [type, setType] = useState<string | null>(null);
  const [shown, setShown] = useState(PAGE);
  const insertion = useFeedback();
  // The form reads the workbook's sheets: only once the user asks for it.
  const [charger, setCharger] = useState(false);

  const found = useMemo(() => searchCatalogue(rows, query, type), [rows, query, type]);
  const typed = useMemo(() => judgeTypedCode(query, catalogue), [query, catalogue]);

  const insert = () =>
    insertion.report(async () => {
      const sheet = await action(({ workbook }) => workbook.writeSheet(catalogueSheet(catalogue)));
      return `Feuille « ${sheet} » écrite : ${count(catalogue.formations.length, "formation")}, codes en texte.`;
    });

  return (
    <div className={styles.ecran}>
      <Subtitle2 as="h2" className={styles.titre}>
        Formations éligibles
      </Subtitle2>
      <Caption1>
        {catalogue.nom.charAt(0).toUpperCase() + catalogue.nom.slice(1)} :{" "}
        {formaterEntier(catalogue.formations.length)} formations, {catalogue.provenance}. Liste à titre
        indicatif : un code absent est jugé par la règle (type de diplôme, spécialité NSF).
      </Caption1>
      <Field label="Rechercher" hint="Code, libellé, groupe NSF (221) ou type (CAP, BTS…)">
        <TextInput
          type="search"
          value={query}
          onChange={(_, data) => {
            setQuery(data.value);
            setShown(PAGE);
          }}
        />
      </Field>
      <Field label="Type de diplôme">
        <FitSelect
          value={type ?? ""}
          onChange={(_, data) => {
            setType(data.value === "" ? null : data.value);
            setShown(PAGE);
          }}
        >
          <option value="">(tous)</option>
          {types.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </FitSelect>
      </Field>

      {typed && (
        <Notice
          intent={typed.kind === "invalid" ? "error" : typed.eligibility.eligible ? "warning" : "info"}
          title={
            typed.kind === "invalid"
              ? "Code invalide"
              : `${typed.eligibility.code} : hors liste, ${
                  typed.eligibility.eligible
                    ? `éligible ${LIBELLES_CATEGORIES[typed.eligibility.categorie!]}`
                    : "non éligible"
                }`
          }
        >
          {typed.kind === "invalid" ? typed.message : typed.eligibility.motif}
        </Notice>
      )}

      <Body1 role="status">{resultCount(found, catalogue.formations.length)}</Body1>
      {found.length > 0 && (
        <table className={styles.table} aria-label="Formations de la liste indicative">
          <ColumnHeads labels={["Code", "Formation", "Éligibilité"]} first={entete} />
          <tbody>
            {found.slice(0, shown).map((row) => (
              <tr key={`${row.code}|${row.libelle}`}>
                <td className={code}>{row.code === "" ? "—" : row.code}</td>
                <td className={cellule}>
                  {row.libelle}
                  <Caption1 className={local.details}>
                    {row.eligible ? `${row.typeDiplome} · NSF ${row.nsf}` : row.typeDiplome}
                  </Caption1>
                </td>
                <td className={cellule}>
                  {row.eligible ? (
                    `Éligible ${row.categorie}`
                  ) : (
                    <>
                      <span className={nonEligible}>Non éligible</span>
                      <Caption1 className={local.details}>{row.motif}</Caption1>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {found.length > shown && (
        <Button size="small" onClick={() => setShown((n) => n + PAGE)}>
          Afficher {Math.min(PAGE, found.length - shown)} formations de plus (
          {formaterEntier(found.length - shown)} restantes)
        </Button>
      )}

      <div>
        <Button disabled={insertion.busy} onClick={() => void insert()}>
          Insérer la liste dans une feuille
        </Button>
      </div>
      <FeedbackNotice feedback={insertion.feedback} />
      <ListesChargees />
      {charger ? (
        <ChargerListe />
      ) : (
        <div>
          <Button onClick={() => setCharger(true)}>Charger la liste d&apos;une rentrée…</Button>
        </div>
      )}
    </div>
  );
}
