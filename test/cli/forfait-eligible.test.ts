import { run } from "./run";

describe("are forfait", () => {
  test("2024-2025 : 157 € pré-bac et post-bac, 56 € en 3ème prépa-métiers, 319 € CPGE, avec la page « Dotation budgétaire »", async () => {
    const r = await run(["forfait", "2024"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("Forfaits ARE 2024-2025");
    expect(r.stdout).toContain("Pré-bac : 157\u00a0€ (Région Île-de-France, page « Dotation budgétaire »)");
    expect(r.stdout).toContain("Post-bac (boursiers) : 157\u00a0€");
    expect(r.stdout).toContain("3e prépa-métiers : 56\u00a0€");
    expect(r.stdout).toContain("CPGE (par concours) : 319\u00a0€");
    expect(r.stdout).toContain("https://lycees.iledefrance.fr/");
  });

  test("2023-2024 : 151 €, 54 €, 308 € de l'arrêté n° 2023-087 ; « 2023-2024 » accepté comme année", async () => {
    const r = await run(["forfait", "2023-2024"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Pré-bac : 151\u00a0€ (arrêté n° 2023-087)");
    expect(r.stdout).toContain("3e prépa-métiers : 54\u00a0€ (arrêté n° 2023-087)");
    expect(r.stdout).toContain("CPGE (par concours) : 308\u00a0€ (arrêté n° 2023-087)");
  });

  test("une seule catégorie avec --categorie, écrite comme l'utilisateur la tape", async () => {
    const r = await run(["forfait", "2024", "--categorie", "3e prépa-métiers"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("3e prépa-métiers : 56\u00a0€");
    expect(r.stdout).not.toContain("Pré-bac");
  });

  test("2025-2026 sans l'IPC de décembre 2024 : code 2, l'indice manquant est nommé avec l'option qui le fournit", async () => {
    const r = await run(["forfait", "2025"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain("Pré-bac : non calculable (il manque IPC décembre 2024 (base 2015))");
    // Le forfait CPGE 2025-2026 est publié (323 €) : il s'affiche quand même.
    expect(r.stdout).toContain("CPGE (par concours) : 323\u00a0€");
    expect(r.stderr).toContain(
      "Forfaits 2025-2026 non calculables : il manque IPC décembre 2024 (base 2015).",
    );
    expect(r.stderr).toContain("--ipc 2024-12=<valeur>");
  });

  test("2026-2027, les trois forfaits de la dotation saisis, --categorie CPGE : le forfait CPGE nommé, avec son option", async () => {
    // Amounts near 2024-2025's (157 €, 157 €, 56 €), so that no « Attention » precedes the message.
    const saisis = ["PRE BAC=162", "POST BAC=162", "3EME PREPA-METIERS=58"].flatMap((f) => [
      "--forfait",
      `2026:${f}`,
    ]);
    for (const categorie of [[], ["--categorie", "CPGE"]]) {
      const r = await run(["forfait", "2026", ...saisis, ...categorie]);
      expect(r.code).toBe(2);
      // Avant : « Forfaits 2026-2027 non calculables » et « --forfait "AAAA:PRE BAC=<montant>" (de même
      // POST BAC et 3EME PREPA-METIERS) », sans un mot de la CPGE, seul forfait qui manque.
      expect(r.stderr).toBe(
        "Forfait CPGE (par concours) 2026-2027 non calculable : il manque IPC décembre 2024 (base 2015) et IPC décembre 2025 (base 2015).\n" +
          'En ligne de commande : --ipc 2024-12=<valeur> --ipc 2025-12=<valeur> (indices INSEE de décembre), ou son montant publié avec --forfait "2026:CPGE=<montant>".\n',
      );
    }
    // The CPGE alone asked, nothing entered: named all the same.
    const seule = await run(["forfait", "2026", "--categorie", "CPGE"]);
    expect(seule.stderr).toMatch(/^Forfait CPGE \(par concours\) 2026-2027 non calculable : /);
  });

  test("l'année par défaut est l'année scolaire en cours (2026-2027 le 26 novembre 2026), qui réclame décembre 2024 et 2025", async () => {
    const r = await run(["forfait"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain("Forfaits ARE 2026-2027");
    expect(r.stderr).toContain("il manque IPC décembre 2024 (base 2015) et IPC décembre 2025 (base 2015)");
  });

  test("--ipc fournit l'indice : 157 × (1 + 119,92 / 118,38 − 1 = 1,30 %) = 159,04 → 159 €", async () => {
    const r = await run(["forfait", "2025", "--ipc", "2024-12=119.92", "--categorie", "PRE BAC"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Pré-bac : 159\u00a0€ (indexation IPC, délibération n° CP 2021-372)");
    expect(r.stdout).toContain("1,30\u00a0%");
  });

  test("options copiées du volet ou de l'aide (issue 12, point 13) : « 2024‑12 », « 2025‑2026 », « 1 600,00 € » insécables", async () => {
    const ipc = await run([
      "forfait",
      "2025\u20112026",
      "--ipc",
      "2024\u201112=119,92",
      "--categorie",
      "PRE BAC",
    ]);
    expect(ipc.code).toBe(0);
    expect(ipc.stdout).toContain("Pré-bac : 159\u00a0€");
    const forfait = await run([
      "forfait",
      "2025",
      "--forfait=2025\u20112026:POST BAC=1\u202f600,00\u00a0€",
      "--categorie",
      "post bac",
    ]);
    expect(forfait.code).toBe(0);
    expect(forfait.stdout).toContain("Post-bac (boursiers) : 1\u202f600\u00a0€ (saisie utilisateur");
  });

  test("--forfait fournit un montant publié", async () => {
    const r = await run(["forfait", "2025", "--forfait=2025:POST BAC=160", "--categorie", "post bac"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      "Post-bac (boursiers) : 160\u00a0€ (saisie utilisateur : saisie en ligne de commande)",
    );
  });

  test("--json : montants en chaînes à deux décimales", async () => {
    const r = await run(["forfait", "2024", "--json"]);
    const json = JSON.parse(r.stdout);
    expect(json.annee).toBe("2024-2025");
    expect(json.forfaits.map((f: { valeur: string }) => f.valeur)).toEqual([
      "157.00",
      "157.00",
      "56.00",
      "319.00",
    ]);
  });

  test("erreurs d'utilisation : code 2 et message en français", async () => {
    for (const [argv, message] of [
      [["forfait", "2022"], "précède les règles encodées"],
      [["forfait", "deux mille"], "Année scolaire « deux mille » illisible"],
      [["forfait", "2024", "--categorie", "lycée"], "Catégorie « lycée » inconnue"],
      [["forfait", "2024", "--inconnue"], "Option inconnue « --inconnue » pour « are forfait »"],
      [["forfait", "2024", "--ipc", "décembre"], "--ipc « décembre » illisible"],
      [["forfait", "2024", "--ipc", "2023-12=120"], "L'IPC de décembre 2023 (base 2015) est déjà connu"],
      [["forfait", "2024", "--categorie"], "L'option --categorie attend une valeur"],
      [["forfait", "2024", "2025"], "attend au plus une année"],
    ] as const) {
      const r = await run(argv);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
});

describe("are eligible", () => {
  test("BOULANGER (CAP) 50022137 éligible pré-bac, ST2S 43033104 non éligible, BTS MCO post-bac, 3ème prépa-métiers", async () => {
    const r = await run(["eligible", "50022137", "43033104", "32031213", "67010031", "--annee", "2024"]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines[0]).toBe("Éligibilité ARE 2024-2025 (liste indicative 2023-2024 utilisée pour 2024-2025)");
    expect(lines.find((l) => l.startsWith("50022137"))).toMatch(
      /oui\s+PRE BAC\s+Éligible PRE BAC : BOULANGER \(CAP\)/,
    );
    expect(lines.find((l) => l.startsWith("43033104"))).toMatch(
      /non\s+—\s+Non éligible : bac technologique ST2S/,
    );
    expect(lines.find((l) => l.startsWith("32031213"))).toMatch(/oui\s+POST BAC/);
    expect(lines.find((l) => l.startsWith("67010031"))).toMatch(/oui\s+3EME PREPA-METIERS/);
  });

  test("un code hors liste mais de spécialité éligible compte, à vérifier", async () => {
    const r = await run(["eligible", "40025214"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /40025214\s+oui\s+PRE BAC\s+.*hors liste indicative 2023-2024 utilisée pour \d{4}-\d{4} : à vérifier/,
    );
  });

  test("nomenclature réelle : la 6ème 67010012 n'est pas éligible, un code à lettres est jugé, un successeur compte à vérifier", async () => {
    const r = await run(["eligible", "67010012", "26Z13999", "50022146", "--annee", "2024"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/67010012\s+non\s+—\s+Non éligible : classe de collège \(6e, code 67010012\)/);
    expect(r.stdout).toMatch(/26Z13999\s+non\s+—\s+Non éligible : type de diplôme 26Z/);
    expect(r.stdout).toMatch(
      /50022146\s+oui\s+PRE BAC\s+.*successeur de 50022139 CUISINE \(CAP\), liste 2023-2024 utilisée pour 2024-2025 : à vérifier/,
    );
  });

  test("un code MEF ou de 7 chiffres est expliqué, et le code de sortie est 2", async () => {
    const r = await run(["eligible", "50022137", "24020012210", "5002213"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/24020012210\s+invalide\s+—\s+.*code MEF/);
    expect(r.stdout).toMatch(/5002213\s+invalide\s+—\s+.*7 chiffres au lieu de 8/);
    expect(r.stderr).toContain("2 codes sont mal formés");
  });

  test("--json : éligible, catégorie et motif par code", async () => {
    const r = await run(["eligible", "43033104", "50022137", "--json"]);
    const json = JSON.parse(r.stdout);
    expect(json.codes).toEqual([
      expect.objectContaining({ code: "43033104", eligible: false, categorie: null }),
      expect.objectContaining({ code: "50022137", eligible: true, categorie: "PRE BAC", alerte: null }),
    ]);
  });

  test("sans code : erreur d'utilisation", async () => {
    const r = await run(["eligible"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Indiquez au moins un code formation");
  });
});

describe("are : aide et commandes", () => {
  test("--help de chaque commande, en français, code 0", async () => {
    for (const command of ["forfait", "eligible", "controle", "dotations"]) {
      const r = await run([command, "--help"]);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^Usage : are ${command}`));
    }
    const general = await run(["--help"]);
    expect(general.code).toBe(0);
    expect(general.stdout).toContain("Commandes :");
  });

  test("sans commande ou avec une commande inconnue : code 2", async () => {
    expect((await run([])).code).toBe(2);
    const r = await run(["calcule"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Commande inconnue « calcule »");
  });
});
