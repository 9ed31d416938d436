/**
 * The task pane, minimal until the full screens (check a sheet, compute dotations, Paramètres) land:
 * the product, the forfaits in force with their legal reference, and the way to the help.
 */
import { useSyncExternalStore } from "react";
import {
  Body1,
  Caption1,
  Link,
  Subtitle2,
  Title3,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import type { ParametresStore } from "../addin/parametresStore";
import type { SchoolYear } from "../rules";
import { COLONNES, NOMS_COLONNES, forfaitsEnVigueur, type LigneForfaits } from "./forfaitsEnVigueur";

const useStyles = makeStyles({
  page: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalL,
  },
  bloc: { display: "block" },
  table: {
    borderCollapse: "collapse",
    width: "100%",
    marginBlock: tokens.spacingVerticalS,
    fontSize: tokens.fontSizeBase200,
  },
  cellule: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    textAlign: "right",
    fontWeight: tokens.fontWeightRegular,
  },
  montant: { whiteSpace: "nowrap" },
  entete: { textAlign: "left", fontWeight: tokens.fontWeightSemibold },
  enCours: { backgroundColor: tokens.colorNeutralBackground2 },
  notes: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground3 },
  alerte: { display: "block", color: tokens.colorPaletteRedForeground1 },
});

/** « arrêté n° 2023-087 » — the texts that set the year's known amounts. */
function sources(ligne: LigneForfaits): string {
  const textes = new Set<string>();
  for (const kind of COLONNES) {
    const cell = ligne.cases[kind];
    if (cell.connu) textes.add(cell.reference);
  }
  return [...textes].join(" ; ");
}

function manque(ligne: LigneForfaits): string | null {
  for (const kind of COLONNES) {
    const cell = ligne.cases[kind];
    if (!cell.connu) return cell.raison;
  }
  return null;
}

export function App({ store, anneeEnCours }: { store: ParametresStore; anneeEnCours: SchoolYear }) {
  const styles = useStyles();
  const etat = useSyncExternalStore(store.abonner, store.etat);
  const lignes = forfaitsEnVigueur(etat.parametres, anneeEnCours);

  return (
    <main className={styles.page}>
      <header>
        <Title3 as="h1" className={styles.bloc}>
          ARE — Aide régionale à l&apos;équipement des élèves
        </Title3>
        <Body1 as="p" className={styles.bloc}>
          Région Île-de-France : fonctions Excel ARE.* pour calculer et expliquer les dotations des lycées.
        </Body1>
      </header>

      {etat.avertissement && (
        <Body1 role="alert" className={styles.alerte}>
          {etat.avertissement}
        </Body1>
      )}

      <section aria-labelledby="titre-forfaits">
        <Subtitle2 as="h2" id="titre-forfaits" className={styles.bloc}>
          Forfaits en vigueur
        </Subtitle2>
        <table className={styles.table}>
          <thead>
            <tr>
              <th scope="col" className={mergeClasses(styles.cellule, styles.entete)}>
                Année
              </th>
              {COLONNES.map((kind) => (
                <th
                  scope="col"
                  key={kind}
                  title={NOMS_COLONNES[kind].complet}
                  className={mergeClasses(styles.cellule, styles.entete)}
                >
                  {NOMS_COLONNES[kind].court}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {lignes.map((ligne) => (
              <tr key={ligne.annee} className={ligne.enCours ? styles.enCours : undefined}>
                <th scope="row" className={mergeClasses(styles.cellule, styles.entete)}>
                  {ligne.libelle}
                  {ligne.enCours ? " (en cours)" : ""}
                </th>
                {COLONNES.map((kind) => {
                  const cell = ligne.cases[kind];
                  return (
                    <td
                      key={kind}
                      className={mergeClasses(styles.cellule, styles.montant)}
                      title={cell.connu ? cell.reference : cell.raison}
                    >
                      {cell.connu ? cell.montant + (cell.indexe ? " *" : "") : "—"}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
        <Caption1 as="p" className={styles.bloc}>
          Par élève ; post-bac : par élève boursier ; CPGE : par concours. * Montant indexé sur l&apos;IPC de
          décembre n-1 (série INSEE 001763862), arrondi à l&apos;euro.
        </Caption1>
        <ul className={styles.notes}>
          {lignes.map((ligne) => {
            const raison = manque(ligne);
            return (
              <li key={ligne.annee}>
                <Caption1>
                  {ligne.libelle} : {sources(ligne) || "aucun montant connu"}
                  {raison ? `. ${raison}` : "."}
                </Caption1>
              </li>
            );
          })}
        </ul>
      </section>

      <section aria-labelledby="titre-fonctions">
        <Subtitle2 as="h2" id="titre-fonctions" className={styles.bloc}>
          Fonctions
        </Subtitle2>
        <Body1 as="p" className={styles.bloc}>
          Dans une cellule, tapez par exemple <code>=ARE.FORFAIT(2024)</code> ou{" "}
          <code>=ARE.ELIGIBLE(B2:B5000)</code>.
        </Body1>
        <Link href="aide.html" target="_blank" rel="noopener">
          Aide : les douze fonctions ARE.* et leurs exemples
        </Link>
      </section>
    </main>
  );
}
