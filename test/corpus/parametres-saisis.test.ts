/**
 * Corpus des paramètres saisis : les valeurs que l'utilisateur ajoute (IPC de décembre, forfaits
 * publiés) telles qu'un classeur les garde (réglage `ARE.valeursUtilisateur`, retouché à la main ou
 * écrit par une autre version), telles que le volet les reçoit et telles que la ligne de commande les
 * lit. Montants calculés à la main depuis l'arrêté n° 2023-087 et la page « Dotation budgétaire » :
 * 2024-2025 : 157 € (pré-bac), 56 € (3e prépa-métiers) ; IPC décembre 2023 : 118,38 (base 2015).
 * - IPC décembre 2024 = 119,92 : 119,92 / 118,38 − 1 = 1,3009 % → 1,30 % ; 157 × 1,013 = 159,04 → 159 €.
 * - IPC décembre 2024 = 191,92 (chiffres inversés) : 191,92 / 118,38 − 1 = 62,12 % ; 157 × 1,6212 =
 *   254,53 → 255 € : utilisé, mais signalé.
 * - 1 630 € au lieu de 163 € : 1 630 / 157 − 1 = +938,2 %.
 * La table est reprise dans docs/security.md (un test vérifie que chaque cas y figure).
 */
import * as fs from "fs";
import * as path from "path";
import { createParametresStore } from "../../src/addin/parametresStore";
import { Parametres, libelleAnnee } from "../../src/rules";
import { forfaitsEnVigueur } from "../../src/taskpane/forfaitsEnVigueur";
import {
  confirmationForfait,
  confirmationIpc,
  forfaitARemplacer,
  ipcARemplacer,
  withForfait,
  withIpc,
} from "../../src/taskpane/parametres/entries";
import { resolveYear } from "../../src/taskpane/years";
import { indexer, taux_ipc } from "../../src/functions/functions";
import { erreurDe, installCustomFunctionsGlobal } from "../functions/customFunctionsStandIn";
import { run } from "../cli/run";

installCustomFunctionsGlobal();

interface Cas {
  readonly nom: string;
  readonly verifier: () => Promise<void>;
}

/** The store a workbook whose setting holds `reglage` loads into, and its state, for the pane's edits. */
async function chargerStore(reglage: string) {
  const store = createParametresStore({
    lire: async () => reglage,
    enregistrerEtRecalculer: async () => {},
    recalculer: async () => {},
  });
  await store.charger();
  return { store, etat: store.etat() };
}

/** The state a workbook whose setting holds `reglage` loads into, as the add-in reads it at start. */
async function charger(reglage: string) {
  return (await chargerStore(reglage)).etat;
}

/** The pré-bac forfait of 2025-2026 in force, or the message saying why there is none. */
function preBac2025(parametres: Parametres): string {
  try {
    return parametres.forfait("PRE_BAC", 2025).valeur.toString();
  } catch (error) {
    return (error as Error).message;
  }
}

const IPC_2024 = '{"mois":"2024-12","base":2015,"valeur":"119,92"}';

const CORPUS: readonly Cas[] = [
  {
    nom: "réglage : forfait 2025 à l'année écrite en texte « 2025 », IPC de décembre 2024 saisi : 160 €, jamais 159 € indexé",
    async verifier() {
      const etat = await charger(
        `{"ipc":[${IPC_2024}],"forfaits":[{"annee":"2025","categorie":"PRE BAC","valeur":"160","source":"arrêté"}]}`,
      );
      expect(etat.avertissement).toBeNull();
      expect(preBac2025(etat.parametres)).toBe("160");
    },
  },
  {
    nom: "réglage : forfait à l'année « 2025-2026 » : 160 €",
    async verifier() {
      const etat = await charger('{"forfaits":[{"annee":"2025-2026","categorie":"PRE BAC","valeur":160}]}');
      expect(preBac2025(etat.parametres)).toBe("160");
    },
  },
  {
    nom: "réglage : forfait à l'année 2025,5 : avertissement « Année scolaire illisible », valeurs embarquées seules",
    async verifier() {
      const etat = await charger('{"forfaits":[{"annee":2025.5,"categorie":"PRE BAC","valeur":160}]}');
      expect(etat.avertissement).toMatch(/Année scolaire « 2025,5 » illisible/);
      expect(preBac2025(etat.parametres)).toMatch(/il manque IPC décembre 2024/);
    },
  },
  {
    nom: "réglage : forfait à l'année 20255 : avertissement, le tableau des forfaits s'arrête à 2026-2027",
    async verifier() {
      const etat = await charger('{"forfaits":[{"annee":20255,"categorie":"PRE BAC","valeur":160}]}');
      expect(etat.avertissement).toMatch(/Année scolaire « 20255 » illisible/);
      // Before: the table of the forfaits in force had one row per year up to 20255-20256.
      expect(forfaitsEnVigueur(etat.parametres, 2026).map((l) => l.libelle)).toEqual([
        "2023-2024",
        "2024-2025",
        "2025-2026",
        "2026-2027",
      ]);
    },
  },
  {
    nom: "réglage : base de l'IPC écrite en texte « 2015 » : lue, 2025-2026 à 159 €",
    async verifier() {
      const etat = await charger('{"ipc":[{"mois":"2024-12","base":"2015","valeur":"119,92"}]}');
      expect(etat.avertissement).toBeNull();
      expect(preBac2025(etat.parametres)).toBe("159");
    },
  },
  {
    nom: "réglage : forfait 2025 à l'année en texte « 2025 » (160 €) remplacé dans le volet par 165 € : 165 €, une seule valeur « 2025-2026 »",
    async verifier() {
      const { store, etat } = await chargerStore(
        '{"forfaits":[{"annee":"2025","categorie":"PRE BAC","valeur":"160","source":"arrêté"}]}',
      );
      // The pane lists the saved year as read (before: « 2025-20251 », the text "2025" plus 1).
      expect(etat.valeurs.forfaits?.map((f) => libelleAnnee(f.annee))).toEqual(["2025-2026"]);
      const form = { annee: "2025", categorie: "PRE BAC", valeur: "165", source: "arrêté" };
      // « Remplacer », not « Ajouter »: before, the text year was never found, a second 2025 entry
      // was added and saving it failed on « Le forfait pré-bac 2025-2026 est déjà publié (160 €… ».
      expect(forfaitARemplacer(etat.valeurs, form)).toBe(0);
      await store.remplacer(withForfait(etat.valeurs, form));
      expect(preBac2025(store.etat().parametres)).toBe("165");
      expect(store.etat().valeurs.forfaits).toHaveLength(1);
    },
  },
  {
    nom: "réglage : IPC de décembre 2024 à la base en texte « 2015 » (119,92) remplacé dans le volet par 120,5 : 2025-2026 à 160 €",
    async verifier() {
      const { store, etat } = await chargerStore(
        '{"ipc":[{"mois":"2024-12","base":"2015","valeur":"119,92"}]}',
      );
      const form = { mois: "2024-12", base: "2015", valeur: "120,5", serie: "", source: "" };
      expect(ipcARemplacer(etat.valeurs, form)).toBe(0);
      await store.remplacer(withIpc(etat.valeurs, form));
      // 120,5 / 118,38 − 1 = 1,79 % ; 157 × 1,0179 = 159,81 → 160 €.
      expect(preBac2025(store.etat().parametres)).toBe("160");
    },
  },
  {
    nom: "réglage : clé « IPC » au lieu de « ipc » : avertissement qui la nomme, les forfaits enregistrés restent lus",
    async verifier() {
      const etat = await charger(
        `{"IPC":[${IPC_2024}],"forfaits":[{"annee":2026,"categorie":"PRE BAC","valeur":"163","source":"arrêté"}]}`,
      );
      // Before: no warning; Paramètres listed the forfait only, and 2025-2026 was « #N/A » with the
      // December 2024 index right there in the workbook.
      expect(etat.avertissement).toMatch(/« IPC »/);
      expect(etat.avertissement).toMatch(/que cette version ne lit pas : ses valeurs ne sont pas utilisées/);
      expect(preBac2025(etat.parametres)).toMatch(/il manque IPC décembre 2024/);
      expect(etat.parametres.forfait("PRE_BAC", 2026).valeur.toString()).toBe("163");
    },
  },
  {
    nom: "réglage : valeur nulle dans la liste des IPC : avertissement en français",
    async verifier() {
      const etat = await charger('{"ipc":[null]}');
      expect(etat.avertissement).toMatch(/une valeur enregistrée est incomplète ou mal formée/);
      expect(etat.avertissement).not.toMatch(/Cannot|undefined|null/);
    },
  },
  {
    nom: "réglage : IPC sans mois : avertissement en français",
    async verifier() {
      const etat = await charger('{"ipc":[{"base":2015,"valeur":"119,92"}]}');
      expect(etat.avertissement).toMatch(/incomplète ou mal formée/);
      expect(etat.avertissement).not.toMatch(/Cannot|trim/);
    },
  },
  {
    nom: "volet : forfait pré-bac 2026 de 1 630 € sans forfait 2025-2026 calculable : confirmation, comparé à 2024-2025",
    async verifier() {
      const form = { annee: "2026", categorie: "PRE BAC", valeur: "1630", source: "arrêté" };
      // Before: no question, as 2025-2026 cannot be resolved without the December 2024 index.
      expect(confirmationForfait(Parametres.embarques(), form)).toBe(
        "Confirmer 1\u202f630\u00a0€ ? (2024-2025 : 157\u00a0€ ; +938,2\u00a0%)",
      );
      expect(confirmationForfait(Parametres.embarques(), { ...form, valeur: "163" })).toBeNull(); // +3,8 %
    },
  },
  {
    nom: "volet : IPC de décembre 2025 à 191,92 sans décembre 2024 : confirmation, comparé à décembre 2023",
    async verifier() {
      const form = { mois: "2025-12", base: "2015", valeur: "191,92", serie: "", source: "" };
      expect(confirmationIpc(Parametres.embarques(), form)).toBe(
        "Confirmer 191,92 ? (décembre 2023 : 118,38 ; +62,1\u00a0%)",
      );
      expect(confirmationIpc(Parametres.embarques(), { ...form, valeur: "121,5" })).toBeNull(); // +2,6 %
    },
  },
  {
    nom: "--ipc 2024-12=191.92 (pour 119.92) : 2025-2026 à 255 €, avec « Attention : … +62,1 % »",
    async verifier() {
      const r = await run(["forfait", "2025", "--ipc", "2024-12=191.92"]);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/Pré-bac : 255\u00a0€/);
      expect(r.stderr).toBe(
        "Attention : --ipc 2024-12=191.92 : +62,1\u00a0% par rapport à décembre 2023 (118,38), écart de plus de 10\u00a0% : vérifiez la valeur.\n",
      );
    },
  },
  {
    nom: "--ipc 2024-12=119.92 : 159 €, aucune alerte",
    async verifier() {
      const r = await run(["forfait", "2025", "--ipc", "2024-12=119.92"]);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/Pré-bac : 159\u00a0€/);
      expect(r.stderr).toBe("");
    },
  },
  {
    nom: '--forfait "2026:PRE BAC=1630" : « Attention : … +938,2 % par rapport à 2024-2025 (157 €) »',
    async verifier() {
      const r = await run(["forfait", "2026", "--categorie", "PRE BAC", "--forfait", "2026:PRE BAC=1630"]);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/Pré-bac : 1\u202f630\u00a0€/);
      expect(r.stderr).toMatch(
        /^Attention : --forfait "2026:PRE BAC=1630" : \+938,2\u00a0% par rapport à 2024-2025 \(157\u00a0€\), écart de plus de 15\u00a0%/,
      );
    },
  },
  {
    nom: "are dotations 2025 avec les forfaits pré-bac et post-bac, sans le 3e prépa-métiers : le message nomme celui qui manque",
    async verifier() {
      const r = await run([
        "dotations",
        path.join(__dirname, "..", "..", "examples", "effectifs-paris.xlsx"),
        "--annee",
        "2025",
        "--forfait",
        "2025:PRE BAC=160",
        "--forfait",
        "2025:POST BAC=160",
      ]);
      expect(r.code).toBe(2);
      // Before: « Forfaits 2025-2026 non calculables … ou les montants publiés avec --forfait
      // "AAAA:PRE BAC=<montant>" », as if the two amounts given had been ignored.
      expect(r.stderr).toBe(
        "Forfait 3e prépa-métiers 2025-2026 non calculable : il manque IPC décembre 2024 (base 2015).\n" +
          'En ligne de commande : --ipc 2024-12=<valeur> (indices INSEE de décembre), ou son montant publié avec --forfait "2025:3EME PREPA-METIERS=<montant>".\n' +
          "Ou choisissez une année dont les forfaits sont publiés, par exemple --annee 2024.\n",
      );
    },
  },
  {
    nom: "volet : Dotations 2025 avec les forfaits pré-bac et post-bac saisis dans Paramètres, sans le 3e prépa-métiers : le message nomme celui qui manque",
    async verifier() {
      // The workbook's setting as Paramètres writes it; the message the Dotations and Demande screens
      // show under « Année scolaire » (resolveYear), the calculation disabled. Before: « Forfaits
      // 2025-2026 non calculables », as if the two amounts entered had been ignored.
      const etat = await charger(
        '{"forfaits":[{"annee":2025,"categorie":"PRE BAC","valeur":"160","source":"arrêté"},{"annee":2025,"categorie":"POST BAC","valeur":"160","source":"arrêté"}]}',
      );
      expect(etat.avertissement).toBeNull();
      expect(preBac2025(etat.parametres)).toBe("160");
      expect(resolveYear(etat.parametres, 2025)).toEqual({
        ok: false,
        message:
          "Forfait 3e prépa-métiers 2025-2026 non calculable : il manque IPC décembre 2024 (base 2015). " +
          "Saisissez cette valeur (série INSEE 001763862) ou le forfait publié pour 2025-2026 dans Paramètres.",
      });
      // All three missing: the message as before.
      expect(resolveYear(Parametres.embarques(), 2025)).toEqual({
        ok: false,
        message: expect.stringMatching(
          /^Forfaits 2025-2026 non calculables : il manque IPC décembre 2024 \(base 2015\)\. Saisissez/,
        ),
      });
    },
  },
  {
    nom: '=ARE.INDEXER(157;"368 %") (virgule oubliée de « 3,68 % ») : #VALEUR!, jamais 735 €',
    async verifier() {
      // Before: 157 × (1 + 3,68) = 734,76 → 735 €.
      const erreur = erreurDe(() => indexer(157, "368 %"));
      expect(erreur.code).toBe("#VALUE!");
      expect(erreur.message).toBe(
        "Taux 368 % invalide : saisissez un taux (0,0368) ou un pourcentage (3,68 %).",
      );
      // 157 × 1,0368 = 162,78 → 163 € ; a fall of more than 100 % is refused alike.
      expect(indexer(157, "3,68 %")).toBe(163);
      expect(erreurDe(() => indexer(157, "-100 %")).code).toBe("#VALUE!");
    },
  },
  {
    nom: "=ARE.TAUX_IPC(101,5;119,92) (décembre 2026 en base 2025 sur décembre 2025 en base 2015) : #VALEUR!, jamais −15,36 %",
    async verifier() {
      // Before: −0,1536, and =ARE.INDEXER(157;−0,1536) keeps 157 € (« indice négatif ») without a word.
      const erreur = erreurDe(() => taux_ipc(101.5, 119.92));
      expect(erreur.code).toBe("#VALUE!");
      expect(erreur.message).toMatch(/^Taux -15,36.% invraisemblable .* même base \?$/);
      // 119,92 / 118,38 − 1 = 1,30 % ; 114,18 / 107,4 − 1 = 6,31 % (arrêté) stay.
      expect(taux_ipc(119.92, 118.38)).toBe(0.013);
      expect(taux_ipc("114,18", "107,4")).toBe(0.0631);
    },
  },
  {
    nom: "=ARE.TAUX_IPC(114,18;118,38) (décembre 2022 donné avant décembre 2023) : #VALEUR!, jamais −3,55 %",
    async verifier() {
      // 114,18 / 118,38 − 1 = −3,55 %. Before: −0,0355, and =ARE.INDEXER(151;−0,0355) kept 151 € where
      // 151 × (1 + 3,68 %) = 156,56 → 157 € is the 2024-2025 forfait.
      const erreur = erreurDe(() => taux_ipc(114.18, 118.38));
      expect(erreur.code).toBe("#VALUE!");
      expect(erreur.message).toMatch(
        /^Taux -3,55.% invraisemblable \(baisse de plus de 1 % en un an\) : les indices sont-ils inversés/,
      );
      expect(taux_ipc(118.38, 114.18)).toBe(0.0368);
      expect(indexer(151, taux_ipc(118.38, 114.18))).toBe(157);
      // A fall of 1 % at most is a possible index: 118 / 118,38 − 1 = −0,32 % ; 99 / 100 − 1 = −1 %.
      expect(taux_ipc(118, 118.38)).toBe(-0.0032);
      expect(taux_ipc(99, 100)).toBe(-0.01);
    },
  },
];

describe("Corpus des paramètres saisis : la valeur saisie est lue, refusée en français, ou signalée — jamais ignorée", () => {
  test.each(CORPUS.map((cas) => [cas.nom, cas] as const))("%s", async (_nom, cas) => cas.verifier(), 30_000);

  test("chaque cas figure dans le tableau de docs/security.md", () => {
    const doc = fs.readFileSync(path.join(__dirname, "..", "..", "docs", "security.md"), "utf8");
    expect(CORPUS.map((c) => c.nom).filter((nom) => !doc.includes(nom))).toEqual([]);
  });
});
