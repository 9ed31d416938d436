/** The `--help` texts of the dotation complémentaire, bilan and reliquats commands, in French. */
import { aideListe } from "./help";

export const COMPLEMENTAIRE_HELP = `Usage : are complementaire <fichier> [--annee <année>] [--uai <UAI>] [--out <fichier.xlsx>] [--json]

Prépare la demande écrite de dotation complémentaire d'un établissement à partir d'une feuille
(.xlsx ou .csv) qui donne, par formation, le code formation diplôme et les élèves supplémentaires
(pré-bac, 3e prépa-métiers) ou les boursiers supplémentaires (post-bac) ; intitulé, UAI et nom de
l'établissement facultatifs. Pour chaque formation : code, NSF, intitulé, catégorie, élèves en plus,
forfait et montant, par enveloppe avec sous-totaux et total. Une formation non éligible (ST2S…) est
refusée avec son motif. Une ligne par formation : une formation sur deux lignes est une erreur, et le
montant de son enveloppe et le total restent non calculés. Le fichier lu n'est jamais modifié.

Options :
  --feuille <nom>          feuille à lire (par défaut la première feuille visible qui a des élèves
                           ou des boursiers supplémentaires par formation)
  --annee <année>          année scolaire (par défaut l'année en cours)
${aideListe(28)}
  --uai <UAI>              établissement demandeur, si la feuille n'a pas de colonne UAI
  --nom <nom>              nom de l'établissement, pour l'en-tête de la demande
  --colonne [fichier:|feuille:]<champ>=<lettre>
                           corrige la correspondance des colonnes (champs « supplementaires »,
                           « boursiersSupplementaires », « codeFormation »…) ; répétable
  --out <fichier.xlsx>     écrit la demande prête à imprimer (feuille « Demande compl. ARE <année> »)
                           et, s'il y en a, les constats
  --json                   sortie JSON (voir docs/bilan.md)
  --ipc, --forfait         valeurs d'une année non encore publiée (voir « are dotations --help »)

Code de sortie : 0 sans erreur, 1 si des lignes sont refusées (erreurs), 2 si le fichier est inutilisable.

Exemple :
  are complementaire examples/bilans/demande-complementaire.xlsx --annee 2024 --out demande.xlsx
`;

export const BILAN_HELP = `Usage :
  are bilan modele --uai <UAI> --effectifs <fichier…> [--colonne …] [--dotations <fichier>] [--annee <année>] --out <fichier.xlsx>
  are bilan controle <fichier> [--feuille <nom>] [--colonne …] [--dotations <fichier>] [--annee <année>] [--json] [--out <fichier.xlsx>]

Le bilan de fin d'année scolaire : « le total des dotations reçues au titre de l'année scolaire,
le cas échéant, les reliquats sur l'année scolaire antérieure, le montant dépensé […] en précisant par
formation, le nombre d'élèves aidés, le montant des achats et les types d'équipements ».

are bilan modele
  Écrit le modèle de bilan d'un établissement : UAI, nom, année, dotation reçue et reliquat antérieur
  par enveloppe, puis une ligne par formation éligible de l'établissement (avec son effectif de
  référence) où saisir les élèves aidés, le montant des achats et le type d'équipement (liste des
  quatre types du règlement).
    --uai <UAI>                 l'établissement (obligatoire)
    --effectifs <fichier>       feuilles d'effectifs où figurent ses formations ; répétable, ou
                                plusieurs fichiers à la suite
    --colonne [fichier:|feuille:]<champ>=<lettre>
                                corrige la correspondance des colonnes des feuilles d'effectifs (de
                                toutes, ou du fichier ou de la feuille nommés), comme « are dotations »,
                                ex. --colonne "Paris:effectif=H" pour une feuille à deux colonnes
                                « Effectif » ; répétable
    --dotations <fichier>       classeur écrit par « are dotations --out » : dotations nettes reçues
                                et reliquats déduits de l'année
    --dotation-prebac <montant>, --dotation-postbac <montant>,
    --reliquat-prebac <montant>, --reliquat-postbac <montant>
                                montants à inscrire (ils priment sur le classeur des dotations)
    --nom <nom>                 nom de l'établissement
    --annee <année>             année scolaire du bilan (par défaut l'année en cours)
${aideListe(33, 4)}
    --out <fichier.xlsx>        le modèle à remplir (obligatoire)

are bilan controle
  Contrôle un bilan rempli : totaux par enveloppe, dépenses au plus égales à dotation reçue + reliquat
  antérieur (enveloppes non fongibles), achats imputés sur l'enveloppe de leur formation, types
  d'équipements, élèves aidés au plus égaux à l'effectif, montants négatifs ou illisibles, formations
  inconnues — et calcule le reliquat reporté de chaque enveloppe. Un achat en erreur n'est pas retenu,
  et le reliquat de son enveloppe n'est pas calculé tant qu'il n'est pas corrigé ; une formule dont
  le fichier n'a pas enregistré la valeur (fichier jamais ouvert dans Excel) est une erreur : ouvrez
  le fichier dans Excel et enregistrez-le.
    --feuille <nom>             feuille du bilan (par défaut la première feuille non vide)
    --colonne [fichier:|feuille:]<champ>=<lettre>
                                corrige la correspondance des colonnes du bilan contrôlé, ex.
                                --colonne "Montant des achats=F" pour un bilan à deux colonnes
                                « Montant des achats » ; répétable
    --dotations <fichier>       classeur écrit par « are dotations --out » pour l'année du bilan : la
                                dotation reçue de chaque enveloppe est comparée, au centime, à la
                                dotation versée (alerte si elles diffèrent) ; sans lui, elle est
                                prise telle que saisie
    --annee <année>             année retenue si le bilan n'indique pas la sienne
${aideListe(33, 4)}
    --json                      sortie JSON (voir docs/bilan.md)
    --out <fichier.xlsx>        écrit aussi le contrôle (feuille « Contrôle bilan <UAI> »)

Code de sortie : 0 sans erreur, 1 si le contrôle trouve des erreurs, 2 erreur d'utilisation ou de fichier
(dont --dotations d'une autre année que le bilan).

Exemples :
  are bilan modele --uai 0750655E --effectifs examples/effectifs-paris.xlsx \\
      --dotations dotations.xlsx --annee 2024 --out bilan-0750655E.xlsx
  are bilan controle examples/bilans/bilan-2023-0751234J.xlsx
`;

export const RELIQUATS_HELP = `Usage : are reliquats <bilan…> [--etablissements <fichier>] [--dotations <fichier>] [--annee <année>] --out <fichier.xlsx> [--json]

Reporte les reliquats des bilans remplis (un fichier par établissement, ou un classeur de plusieurs
feuilles de bilan) dans la feuille des établissements de l'année suivante : UAI, nom, reliquat
pré-bac, reliquat post-bac, sous les noms de colonnes que lit « are dotations --etablissements ».
Reliquat = dotation reçue + reliquat antérieur − achats retenus, par enveloppe, jamais négatif.
Une enveloppe dont la dotation reçue manque ou dont des achats sont en erreur n'a pas de reliquat :
sa cellule porte « non calculé » (l'enveloppe ne sera pas calculée par « are dotations »), avec la
raison dans « Origine des reliquats ». Un reliquat antérieur autre que celui de --etablissements est
signalé (alerte).

Options :
  --etablissements <fichier>  feuille des établissements à compléter : ses colonnes (taux de boursiers,
                              réponse à l'enquête…) et ses lignes sont gardées, seuls les reliquats
                              des établissements ayant un bilan sont remplacés
  --dotations <fichier>       classeur écrit par « are dotations --out » pour l'année des bilans : la
                              dotation reçue de chaque bilan est comparée, au centime, à la dotation
                              versée (alerte si elles diffèrent, dite aussi dans « Origine des
                              reliquats ») ; sans lui, elle est prise telle que saisie
  --annee <année>             année retenue pour un bilan qui n'indique pas la sienne ; si les
                              bilans en écrivent une autre, rien n'est écrit (code 2)
${aideListe(31)}
  --out <fichier.xlsx>        la feuille des établissements de l'année suivante (obligatoire)
  --json                      sortie JSON (voir docs/bilan.md)

Code de sortie : 0 sans erreur, 1 si un bilan a des erreurs (le fichier est écrit, les reliquats
non calculables portent « non calculé »), 2 erreur d'utilisation ou de fichier (dont --dotations
d'une autre année que les bilans : rien n'est écrit).

Exemple :
  are reliquats examples/bilans/bilan-2023-*.xlsx --etablissements examples/bilans/etablissements-2023.xlsx \\
      --out etablissements-2024.xlsx
  are dotations examples/bilans/effectifs-2024.xlsx --etablissements etablissements-2024.xlsx --annee 2024
`;
