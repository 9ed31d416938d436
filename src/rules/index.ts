/**
 * The regulation as code — the only entry point the adapters (functions, task pane, CLI) use.
 * Pure TypeScript and decimal.js: no Office, React, DOM or Node API, no clock.
 */
export * from "./montants";
export * from "./typographie";
export * from "./erreurs";
export * from "./erreursExcel";
export * from "./texte";
export * from "./nombres";
export * from "./anneeScolaire";
export * from "./categories";
export * from "./trace";
export * from "./codes";
export * from "./nomenclature";
export * from "./catalogue/catalogue";
export * from "./catalogue/registre";
export * from "./eligibilite";
export * from "./catalogue/exclusions";
export * from "./catalogue/verification";
export * from "./parametres/references";
export * from "./parametres/schema";
export * from "./parametres/registre";
export * from "./parametres/tables";
export * from "./parametres/ipc";
export * from "./parametres/manque";
export * from "./parametres/parametres";
export * from "./parametres/ecart";
export * from "./indexation";
export * from "./boursiers";
export * from "./dotation";
export * from "./complementaire";
export * from "./cpge";
export * from "./uai";
export * from "./bilan";
