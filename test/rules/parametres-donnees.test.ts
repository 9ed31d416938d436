/**
 * Integrity of the parameter data files (src/rules/parametres/donnees/, issue 14 §2): read as a data
 * editor wrote them, every value cites a document one can open, with the article or page and the date
 * it was last checked; years increase; units are known; indexed values are never carried over.
 * And the missing value as a structure, said by the one formatter.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import {
  DANS_PARAMETRES,
  PREMIERE_ANNEE_SCOLAIRE,
  NOMS_FORFAITS,
  FORFAITS,
  IDS_PARAMETRES,
  ErreurParametreManquant,
  PARAMETRES_EMBARQUES,
  Parametres,
  UNITES,
  constatValeurManquante,
  formaterValeurManquante,
  forfaitsManquants,
  parametreDuFichier,
  SOURCES_PARAMETRES,
  libelleAnnee,
  type TypeForfait,
  type IdParametre,
  type ValeurManquante,
} from "../../src/rules";

const DOSSIER = path.resolve(__dirname, "../../src/rules/parametres/donnees");
const lire = (fichier: string) => JSON.parse(fs.readFileSync(path.join(DOSSIER, fichier), "utf8"));

interface ValeurBrute {
  annee?: string;
  mois?: string;
  valeur: string;
  source: string;
  article: string;
  verifieLe: string;
  note: string | null;
}

const SOURCES: Record<string, { titre: string; court: string; url: string | null }> = lire("sources.json");
const FICHIERS = fs.readdirSync(DOSSIER).filter((f) => f.endsWith(".json") && f !== "sources.json");
const PARAMETRES_BRUTS = FICHIERS.filter((f) => f !== "ipc.json").map((f) => [f, lire(f)] as const);

/** Every value of every file, the IPC's included, with the file it is in. */
const VALEURS: [string, ValeurBrute][] = FICHIERS.flatMap((f) =>
  (lire(f).valeurs as ValeurBrute[]).map((v) => [`${f} ${v.annee ?? v.mois}`, v] as [string, ValeurBrute]),
);

describe("Fichiers de paramètres : chaque valeur datée et sourcée", () => {
  test("un fichier par paramètre, nommé par son id, et chaque fichier est lu par le cœur", () => {
    expect(PARAMETRES_BRUTS.map(([f]) => f.replace(/\.json$/, "")).sort()).toEqual(
      [...IDS_PARAMETRES].sort(),
    );
    for (const [fichier, brut] of PARAMETRES_BRUTS) expect(`${brut.id}.json`).toBe(fichier);
  });

  test.each(VALEURS)(
    "%s : un document avec son adresse, l'article ou la page, la date de vérification",
    (_, v) => {
      const source = SOURCES[v.source];
      expect(source).toBeDefined();
      expect(source.titre.length).toBeGreaterThan(20);
      expect(source.url).toMatch(/^https:\/\/[^\s/]+\.[a-z]+\/\S*$/);
      expect(v.article.trim().length).toBeGreaterThan(3);
      expect(v.verifieLe).toMatch(/^20\d\d-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);
      expect(v.note === null || v.note.trim().length > 10).toBe(true);
    },
  );

  test.each(PARAMETRES_BRUTS)(
    "%s : unité connue, valeurs écrites selon l'unité, années qui se suivent",
    (_, brut) => {
      expect(brut.regle).toMatch(/^R\d+$/);
      expect(brut.nom.length).toBeGreaterThan(3);
      expect(brut.libelle.length).toBeGreaterThan(10);
      expect(Object.keys(UNITES)).toContain(brut.unite);
      expect(typeof brut.indexe).toBe("boolean");
      const forme = UNITES[brut.unite as keyof typeof UNITES] === "euros" ? /^\d+(\.\d\d?)?$/ : /^\d+$/;
      const annees = (brut.valeurs as ValeurBrute[]).map((v) => {
        expect(v.valeur).toMatch(forme);
        const [debut, fin] = v.annee!.split("-").map(Number);
        expect(fin).toBe(debut + 1);
        return debut;
      });
      // From the first encoded year, so that every year has a value, an indexation or a missing index.
      expect(annees[0]).toBe(PREMIERE_ANNEE_SCOLAIRE);
      annees.forEach((a, i) => i > 0 && expect(a).toBeGreaterThan(annees[i - 1]));
    },
  );

  test("IPC : mois qui se suivent, chacun avec sa base et la série INSEE de la base 2015", () => {
    const ipc = lire("ipc.json").valeurs as (ValeurBrute & { base: number; serie: string })[];
    ipc.forEach((v, i) => {
      expect(v.mois).toMatch(/^\d{4}-(0[1-9]|1[0-2])$/);
      expect([2015, 2025]).toContain(v.base);
      if (v.base === 2015) expect(v.serie).toBe("001763862");
      expect(v.valeur).toMatch(/^\d{2,3}\.\d\d$/);
      if (i > 0) expect(v.mois! > ipc[i - 1].mois!).toBe(true);
    });
  });

  test("les forfaits sont indexés et nommés comme leur catégorie ; le plafond et la limite CPGE ne le sont pas", () => {
    for (const [kind, parametre] of Object.entries(FORFAITS) as [TypeForfait, (typeof FORFAITS)["CPGE"]][]) {
      expect(parametre.indexe).toBe(true);
      expect(parametre.nom).toBe(`Forfait ${NOMS_FORFAITS[kind]}`);
    }
    expect(PARAMETRES_EMBARQUES["cpge.plafond_quotient_familial"].indexe).toBe(false);
    expect(PARAMETRES_EMBARQUES["cpge.concours_maximum"].indexe).toBe(false);
  });
});

describe("valeurEnVigueur : une seule recherche, selon le drapeau « indexé »", () => {
  const embarques = Parametres.embarques();
  // Every December from 2023 on at 120,00 (base 2015) then 101,00 (base 2025): every year resolves.
  const complet = Parametres.avec({
    ipc: [
      { mois: "2024-12", base: 2015, valeur: "120.00" },
      { mois: "2025-12", base: 2015, valeur: "120.00" },
      ...[2025, 2026, 2027, 2028].map((an) => ({
        mois: `${an}-12`,
        base: 2025,
        valeur: "101.00",
        serie: "012345678",
      })),
    ],
  });
  const indexes = IDS_PARAMETRES.filter((id) => PARAMETRES_EMBARQUES[id].indexe);
  const fixes = IDS_PARAMETRES.filter((id) => !PARAMETRES_EMBARQUES[id].indexe);

  test.each(indexes)(
    "%s : une valeur indexée n'est jamais reconduite d'une autre année",
    (id: IdParametre) => {
      const publiees = new Set(PARAMETRES_EMBARQUES[id].valeurs.map((v) => v.annee));
      for (let annee = PREMIERE_ANNEE_SCOLAIRE; annee <= 2029; annee++) {
        const resolue = complet.valeurEnVigueur(id, annee);
        if (publiees.has(annee)) expect(resolue.donnee?.annee).toBe(annee);
        else expect([resolue.origine, resolue.donnee]).toEqual(["indexe", null]);
      }
      // Without the Decembers, the year after the last published value is missing, never the last amount.
      const suivante = Math.max(...publiees) + 1;
      expect(() => embarques.valeurEnVigueur(id, suivante)).toThrow(ErreurParametreManquant);
    },
  );

  test.each(fixes)(
    "%s : une valeur non indexée reste en vigueur, et l'explication le dit",
    (id: IdParametre) => {
      const derniere = PARAMETRES_EMBARQUES[id].valeurs.at(-1)!;
      const resolue = embarques.valeurEnVigueur(id, derniere.annee + 3);
      expect(resolue.origine).toBe("publie");
      expect(resolue.donnee).toBe(derniere);
      expect(resolue.trace.resultat).toContain(
        `valeur ${libelleAnnee(derniere.annee)} en vigueur faute de nouvelle valeur publiée`,
      );
    },
  );

  test("la limite de concours est lue par la même recherche : 3 concours par élève", () => {
    const limite = embarques.valeurEnVigueur("cpge.concours_maximum", 2027);
    expect(limite.valeur.toNumber()).toBe(3);
    expect(limite.reference.article).toBe("annexe I, point 3");
  });

  test("une valeur publiée porte sa référence complète et sa date de vérification", () => {
    const resolue = embarques.forfait("PRE_BAC", 2023);
    expect(resolue.reference).toMatchObject({
      court: "arrêté n° 2023-087",
      article: "annexe I, point 2",
      url: "https://lycees.iledefrance.fr/dotation-budgetaire",
    });
    expect(resolue.donnee?.verifieLe).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe("Une valeur manquante est une structure, dite par un seul formateur", () => {
  const manque2026: ValeurManquante = {
    parametre: "forfait.pre_bac",
    annee: 2026,
    manque: [
      { serie: "001763862", mois: "2024-12", base: 2015 },
      { serie: "001763862", mois: "2025-12", base: 2015 },
    ],
  };

  test("2026-2027 sans décembre 2024 ni 2025 : { paramètre, année, manque: [{ série, mois, base }] }", () => {
    expect.assertions(2);
    try {
      Parametres.embarques().forfait("PRE_BAC", 2026);
    } catch (error) {
      expect(error).toBeInstanceOf(ErreurParametreManquant);
      expect((error as ErreurParametreManquant).valeurManquante).toEqual(manque2026);
    }
  });

  test("la base 2025 n'a pas d'identifiant de série connu d'avance : null, et chaque message le dit", () => {
    const p = Parametres.avec({
      ipc: [
        { mois: "2024-12", base: 2015, valeur: "119.92" },
        { mois: "2025-12", base: 2015, valeur: "121.00" },
      ],
    });
    let erreur: ErreurParametreManquant | null = null;
    try {
      p.forfait("PRE_BAC", 2027);
    } catch (error) {
      erreur = error as ErreurParametreManquant;
    }
    expect(erreur?.valeurManquante?.manque).toEqual([
      { serie: null, mois: "2026-12", base: 2025 },
      { serie: null, mois: "2025-12", base: 2025 },
    ]);
    expect(erreur?.message).toContain("(série INSEE base 2025)");
  });

  test("le volet et les fonctions d'une part, la ligne de commande d'autre part : même constat, saisie propre à chacun", () => {
    expect(formaterValeurManquante(manque2026)).toBe(
      "Forfaits 2026-2027 non calculables : il manque IPC décembre 2024 (base 2015) et IPC décembre 2025 (base 2015). " +
        "Saisissez ces valeurs (série INSEE 001763862) ou les forfaits publiés pour 2026-2027 dans Paramètres.",
    );
    expect(DANS_PARAMETRES({ ...manque2026, manque: manque2026.manque.slice(0, 1) })).toBe(
      "Saisissez cette valeur (série INSEE 001763862) ou les forfaits publiés pour 2026-2027 dans Paramètres.",
    );
  });

  test("une année lointaine (2031, 2100 tapé pour 2010) : le nombre d'indices, le premier et le dernier, jamais 76 noms", () => {
    const message = (annee: number) => {
      try {
        Parametres.embarques().forfait("PRE_BAC", annee);
        return "calculable";
      } catch (error) {
        return (error as ErreurParametreManquant).message;
      }
    };
    // Decembers 2024 and 2025 in base 2015, then 2025 to 2030 in base 2025: 2 + 6 = 8.
    expect(message(2031)).toBe(
      "Forfaits 2031-2032 non calculables : il manque 8 indices, de l'IPC décembre 2024 (base 2015) à l'IPC décembre 2030 (base 2025). " +
        "Saisissez ces valeurs (série INSEE 001763862 et base 2025) ou les forfaits publiés pour 2031-2032 dans Paramètres.",
    );
    // Before: 76 « IPC décembre … » joined by « et », ~3 600 characters in a cell's error.
    expect(message(2100)).toMatch(
      /il manque 77 indices, de l'IPC décembre 2024 \(base 2015\) à l'IPC décembre 2099 \(base 2025\)\./,
    );
    expect(message(2100).length).toBeLessThan(300);
    // Up to four, each is named: 2027-2028 lacks four Decembers, both bases of 2025 among them.
    expect(message(2027)).toContain(
      "il manque IPC décembre 2024 (base 2015) et IPC décembre 2025 (base 2015) et IPC décembre 2025 (base 2025) et IPC décembre 2026 (base 2025).",
    );
  });

  test("une valeur sans indice qui la donnerait : le constat seul, sans saisie proposée", () => {
    expect(
      formaterValeurManquante({ parametre: "cpge.plafond_quotient_familial", annee: 2023, manque: [] }),
    ).toBe(
      "Plafond du quotient familial CPGE 2023-2024 inconnu : aucune valeur publiée pour cette année ni pour une année antérieure.",
    );
  });
});

describe("forfaitsManquants : les forfaits d'une dotation qu'une année n'a pas, nommés", () => {
  /** 160 € entered for 2025-2026 for each category given (as Paramètres or --forfait stores it). */
  const saisis = (...categories: string[]) =>
    Parametres.avec({
      forfaits: categories.map((categorie) => ({ annee: 2025, categorie, valeur: 160, source: "arrêté" })),
    });
  const decembre2024 = { serie: "001763862", mois: "2024-12", base: 2015 };

  test("une année calculable : rien ne manque", () => {
    expect(forfaitsManquants(Parametres.embarques(), 2024)).toBeNull();
    expect(forfaitsManquants(saisis("PRE BAC", "POST BAC", "3EME PREPA-METIERS"), 2025)).toBeNull();
  });

  test("les trois manquent : la structure du premier, telle quelle, « Forfaits … non calculables »", () => {
    const manque = forfaitsManquants(Parametres.embarques(), 2025)!;
    expect(manque).toEqual({ parametre: "forfait.prepa_metiers", annee: 2025, manque: [decembre2024] });
    expect(constatValeurManquante(manque)).toBe(
      "Forfaits 2025-2026 non calculables : il manque IPC décembre 2024 (base 2015).",
    );
  });

  test("pré-bac et post-bac saisis : le 3e prépa-métiers seul est nommé", () => {
    const manque = forfaitsManquants(saisis("PRE BAC", "POST BAC"), 2025)!;
    expect(manque.forfaits).toEqual(["PREPA_METIERS"]);
    expect(manque.manque).toEqual([decembre2024]);
    expect(constatValeurManquante(manque)).toBe(
      "Forfait 3e prépa-métiers 2025-2026 non calculable : il manque IPC décembre 2024 (base 2015).",
    );
  });

  test("pré-bac seul saisi : les deux autres, au pluriel, le même indice une fois", () => {
    const manque = forfaitsManquants(saisis("PRE BAC"), 2025)!;
    expect(manque.forfaits).toEqual(["PREPA_METIERS", "POST_BAC"]);
    expect(constatValeurManquante(manque)).toBe(
      "Forfaits 3e prépa-métiers et Post-bac (boursiers) 2025-2026 non calculables : il manque IPC décembre 2024 (base 2015).",
    );
  });

  test("Paramètres demande « le forfait publié » quand un seul manque, « les forfaits » sinon", () => {
    expect(formaterValeurManquante(forfaitsManquants(saisis("PRE BAC", "POST BAC"), 2025)!)).toBe(
      "Forfait 3e prépa-métiers 2025-2026 non calculable : il manque IPC décembre 2024 (base 2015). " +
        "Saisissez cette valeur (série INSEE 001763862) ou le forfait publié pour 2025-2026 dans Paramètres.",
    );
    expect(formaterValeurManquante(forfaitsManquants(saisis("PRE BAC"), 2025)!)).toMatch(
      / ou les forfaits publiés pour 2025-2026 dans Paramètres\.$/,
    );
    expect(formaterValeurManquante(forfaitsManquants(Parametres.embarques(), 2025)!)).toMatch(
      / ou les forfaits publiés pour 2025-2026 dans Paramètres\.$/,
    );
  });

  test("une année avant les règles : l'erreur sans structure passe telle quelle", () => {
    expect(() => forfaitsManquants(Parametres.embarques(), 2022)).toThrow(ErreurParametreManquant);
  });
});

describe("Chargement : une conversion fidèle des fichiers", () => {
  test.each(PARAMETRES_BRUTS)("%s : chaque valeur chargée telle qu'écrite, avec son document", (_, brut) => {
    const charge = PARAMETRES_EMBARQUES[brut.id as IdParametre];
    expect(charge.valeurs.map((v) => [libelleAnnee(v.annee), v.valeur, v.verifieLe, v.note])).toEqual(
      (brut.valeurs as ValeurBrute[]).map((v) => [v.annee, v.valeur, v.verifieLe, v.note]),
    );
    (brut.valeurs as ValeurBrute[]).forEach((v, i) =>
      expect(charge.valeurs[i].reference).toEqual({
        titre: SOURCES[v.source].titre,
        court: SOURCES[v.source].court,
        url: SOURCES[v.source].url,
        article: v.article,
      }),
    );
  });

  test("une source absente de sources.json arrête le chargement en nommant le fichier", () => {
    const preBac = lire("forfait.pre_bac.json");
    const fautif = { ...preBac, valeurs: [{ ...preBac.valeurs[0], source: "arrete-2099-001" }] };
    expect(() => parametreDuFichier(fautif, SOURCES_PARAMETRES)).toThrow(
      "Fichier de paramètres forfait.pre_bac.json : la source « arrete-2099-001 » n'est pas dans sources.json.",
    );
  });
});
