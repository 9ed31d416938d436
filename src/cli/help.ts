/** The `--help` texts, in French. Examples use the files of examples/ so they can be run as they are. */

const PARAMETRES = `Valeurs à fournir quand une année n'est pas encore calculable :
  --ipc AAAA-MM=valeur     indice des prix de décembre, base 2015 (série INSEE 001763862),
                           ex. --ipc 2024-12=119.92 ; répétable
  --ipc AAAA-MM@2025=valeur --serie-ipc <identifiant>
                           indice en base 2025, pour 2027-2028 et après
                           (décembre 2025 compris, en base 2025)
  --forfait "AAAA:CATÉGORIE=montant"
                           montant publié, ex. --forfait "2025:PRE BAC=160" ; répétable
                           (catégories : PRE BAC, POST BAC, 3EME PREPA-METIERS, CPGE)`;

/**
 * The --liste options, indented by `retrait` spaces, their descriptions starting at column `colonne`
 * (the help texts align theirs at 28 or 31).
 */
export function aideListe(colonne: number, retrait = 2): string {
  const option = (nom: string, lignes: readonly string[]) =>
    [
      `${" ".repeat(retrait)}${nom}`.padEnd(colonne - 1) + lignes[0],
      ...lignes.slice(1).map((l) => " ".repeat(colonne - 1) + l),
    ].join("\n");
  return [
    option("--liste <fichier>", [
      "liste des formations d'une rentrée (.xlsx ou .csv, colonnes",
      "de l'annexe : Niveau, Niveau regroupement, Spécialité, Code",
      "Diplôme, Type Diplôme, Libellé Diplôme), contrôlée puis utilisée",
      "pour sa rentrée et les suivantes sans liste propre",
      "(« are liste verifier » la détaille)",
    ]),
    option("--liste-annee <année>", [
      "rentrée de cette liste ; par défaut l'année écrite dans le nom",
      "du fichier (liste-2025-2026.xlsx), sinon celle de la commande",
    ]),
    option("--liste-titre <titre>", [
      "titre de la source de cette liste, cité dans les résultats",
      "(par défaut : le nom du fichier)",
    ]),
    option("--liste-date <date>", ["date de la source, par exemple 2025-03-14"]),
    option("--liste-url <adresse>", ["adresse de la source"]),
  ].join("\n");
}

export const GENERAL_HELP = `are — aide régionale à l'équipement des élèves (Région Île-de-France)

Usage : are <commande> [options]

Commandes :
  forfait [année]          forfaits en vigueur et leur texte de référence
  eligible <code…>         éligibilité, catégorie et motif de codes formation
  controle <fichier>       contrôle d'une feuille d'effectifs (.xlsx ou .csv)
  dotations <fichier…>     dotations de chaque établissement à partir des effectifs des rectorats
  complementaire <fichier> demande de dotation complémentaire d'un établissement (élèves en plus)
  bilan modele|controle    modèle de bilan de fin d'année d'un établissement, contrôle d'un bilan rempli
  reliquats <bilan…>       reliquats des bilans reportés dans la feuille des établissements suivante
  liste verifier <fichier> contrôle de la liste des formations d'une rentrée, et ses différences

« are <commande> --help » détaille chaque commande.

Codes de sortie : 0 réussite, 1 le contrôle a trouvé des erreurs, 2 erreur d'utilisation ou de fichier.
`;

export const FORFAIT_HELP = `Usage : are forfait [année] [--categorie <catégorie>] [--json]

Affiche les forfaits de l'année scolaire (par défaut l'année en cours) avec leur texte de référence :
pré-bac et post-bac par élève, 3e prépa-métiers, CPGE par concours. Un forfait non publié est
calculé par indexation sur l'IPC de décembre ; s'il manque un indice, la commande le nomme et
s'arrête (code 2) — jamais le montant de l'année précédente en silence.

Options :
  année                    2024, 2024-2025 ou 2024/2025 (année de rentrée)
  --categorie <catégorie>  une seule catégorie : PRE BAC, POST BAC, 3EME PREPA-METIERS, CPGE
  --json                   sortie JSON
${PARAMETRES}

Exemples :
  are forfait 2024
  are forfait 2025 --categorie CPGE
  are forfait 2025 --ipc 2024-12=119.92
`;

export const ELIGIBLE_HELP = `Usage : are eligible <code…> [--annee <année>] [--liste <fichier>] [--json]

Pour chaque code formation diplôme (BCN, 8 chiffres ou lettres) : éligible ou non, catégorie (PRE BAC,
POST BAC, 3EME PREPA-METIERS) et motif, d'après la liste indicative et les règles de l'annexe.
Un code mal formé (code MEF, 7 chiffres…) est expliqué et donne le code de sortie 2.

Options :
  --annee <année>          année scolaire (par défaut l'année en cours)
${aideListe(28)}
  --json                   sortie JSON

Exemple :
  are eligible 50022137 43033104 32031213 67010031
`;

export const CONTROLE_HELP = `Usage : are controle <fichier> [--feuille <nom>] [--annee <année>] [--liste <fichier>] [--json] [--out <fichier.xlsx>]

Contrôle une feuille d'effectifs (.xlsx ou .csv : séparateur « ; » ou « , », UTF-8 ou Windows-1252) :
ligne d'en-tête reconnue, colonnes associées, lignes comptées et lignes écartées avec leur raison.
Les constats sont groupés par gravité (erreur : la ligne ne compte pas ; alerte : elle compte mais
semble fausse ; info). Le fichier lu n'est jamais modifié.

Options :
  --feuille <nom>          feuille à contrôler, masquée comprise (par défaut la première feuille
                           visible dont l'en-tête nomme UAI, code formation et effectif ; les
                           autres sont nommées)
  --colonne [feuille:]<champ>=<lettre>
                           corrige la correspondance des colonnes, ex. --colonne effectif=H ;
                           --colonne statut= ignore la colonne prise pour le statut ; répétable
  --annee <année>          année scolaire (par défaut l'année en cours)
${aideListe(28)}
  --json                   sortie JSON
  --out <fichier.xlsx>     écrit aussi les constats dans un nouveau classeur
  --progress               affiche l'avancement sur la sortie d'erreur

Code de sortie : 0 sans erreur, 1 si le contrôle trouve des erreurs, 2 si le fichier est inutilisable.

Exemple :
  are controle examples/effectifs-paris.xlsx
`;

export const DOTATIONS_HELP = `Usage : are dotations <fichier…> [--etablissements <fichier>] [--feuille <nom>] [--annee <année>] [--liste <fichier>] [--out <fichier.xlsx>] [--json]

Calcule la dotation ARE de chaque établissement à partir des feuilles d'effectifs des rectorats
(un fichier par académie, .xlsx ou .csv) et, si donné, du fichier des établissements (taux de
boursiers, reliquats pré-bac et post-bac, réponse à l'enquête). Affiche un tableau récapitulatif
(dotations nettes par établissement, totaux par enveloppe, lignes écartées par raison) ou le JSON.
Les fichiers lus ne sont jamais modifiés ; --out écrit un nouveau classeur.

Options :
  --etablissements <fichier>  données des établissements, par UAI
  --feuille <nom>             feuille à lire dans chaque fichier d'effectifs, masquée comprise ;
                              répétable (par défaut toutes les feuilles visibles dont l'en-tête
                              nomme UAI, code formation et effectif ; les autres sont nommées)
  --colonne [fichier:|feuille:]<champ>=<lettre>
                              corrige la correspondance des colonnes (de toutes les feuilles, ou du
                              fichier ou de la feuille nommés), ex. --colonne effectifs-paris.xlsx:effectif=H,
                              --colonne "Paris:effectif=H" ; répétable
  --annee <année>             année scolaire (par défaut l'année en cours)
${aideListe(31)}
  --out <fichier.xlsx>        classeur de résultats : dotations (tableau, totaux) et constats
  --json                      sortie JSON (contrat stable, voir docs/cli.md)
  --progress                  affiche l'avancement sur la sortie d'erreur
${PARAMETRES}

Exemple :
  are dotations examples/effectifs-paris.xlsx examples/effectifs-creteil.csv \\
      examples/effectifs-versailles.xlsx --etablissements examples/etablissements.xlsx \\
      --annee 2024 --out dotations.xlsx
`;

export const LISTE_HELP = `Usage : are liste verifier <fichier> [--annee <année>] [--feuille <nom>] [--json]

Contrôle la liste des formations éligibles d'une rentrée, telle que la Région la publie (.xlsx ou
.csv, collée depuis son PDF ou son fichier Excel) : ligne d'en-tête (Niveau, Niveau regroupement,
Spécialité, Code Diplôme, Type Diplôme, Libellé Diplôme ; ou ces colonnes dans cet ordre), chaque
ligne une formation ou un constat — code mal formé, Spécialité qui n'est pas le groupe NSF du code
(caractères 4 à 6), niveau contraire au type de diplôme, doublons, titres, totaux. Puis les
différences avec la liste en vigueur avant elle : formations ajoutées (avec le code retiré qu'elles
remplacent dans la nomenclature nationale), retirées, renommées, changées de catégorie. Les mêmes
contrôles sont faits quand la liste est donnée à une autre commande avec --liste.

Options :
  --annee <année>          rentrée de la liste ; par défaut l'année écrite dans le nom du fichier
                           (liste-2025-2026.xlsx), sinon l'année en cours
  --feuille <nom>          feuille à lire (par défaut la première feuille non vide)
  --json                   sortie JSON

Code de sortie : 0 sans erreur, 1 si des lignes sont en erreur (elles ne seraient pas reprises),
2 si aucune formation ne peut être lue.

Exemples :
  are liste verifier liste-2025-2026.xlsx
  are eligible 50022146 --annee 2025 --liste liste-2025-2026.xlsx
`;
