#!/usr/bin/env node
// `npm run demo` before the command line exists: prints, from the compiled core (build/), the forfaits
// in force per year with their legal reference and the dotation of a small built-in establishment.
const rules = require("../build/rules");

const parametres = rules.Parametres.embarques();
console.log("ARE — forfaits en vigueur\n");
for (const annee of [2023, 2024, 2025]) {
  for (const kind of ["PRE_BAC", "POST_BAC", "PREPA_METIERS", "CPGE"]) {
    try {
      console.log("  " + rules.renderTrace(parametres.forfait(kind, annee).trace));
    } catch (error) {
      console.log(`  ${rules.FORFAIT_KIND_NAMES[kind]} ${rules.schoolYearLabel(annee)} : ${error.message}`);
    }
  }
}

const annee = 2024;
const dotation = rules.calculerDotation(
  {
    uai: "0750655E",
    nom: "Établissement d'exemple",
    effectifs: { prepaMetiers: 12, preBac: 230, postBac: 48 },
    tauxBoursiers: rules.tauxDepuisPourcentage(35),
    reliquats: { preBac: new rules.Decimal("1200.50"), postBac: rules.ZERO },
    aRepondu: true,
  },
  annee,
  rules.forfaitsDeLAnnee(annee, parametres),
);
console.log(`\nDotation ${rules.schoolYearLabel(annee)} de l'établissement d'exemple ${dotation.uai}\n`);
for (const line of rules.renderTraceTree(dotation.nette.total.trace)) console.log("  " + line);
