"""Values of .xlsx files as openpyxl reads them, as JSON on stdout (test/xlsx/lecteurs-independants.test.ts).

Usage: /usr/bin/python3 openpyxl_valeurs.py FILE...
Per file: {"feuilles": [{"nom", "lignes": [[cell…]…]}], "avertissements": [...]} or {"erreur": "..."}.
A cell: null, {"n": number}, {"s": text}, {"b": bool}, {"d": Excel serial of a date}, {"e": "#N/A"}.
Cached values (data_only=True): what Excel shows before any recalculation.
"""
import datetime
import json
import sys
import warnings

import openpyxl

ORIGINE = datetime.datetime(1899, 12, 30)


def cellule(valeur, type_):
    if valeur is None:
        return None
    if type_ == "e":
        return {"e": str(valeur)}
    if isinstance(valeur, bool):
        return {"b": valeur}
    if isinstance(valeur, (int, float)):
        return {"n": valeur}
    if isinstance(valeur, datetime.datetime):
        return {"d": (valeur - ORIGINE) / datetime.timedelta(days=1)}
    if isinstance(valeur, datetime.date):
        return {"d": (datetime.datetime.combine(valeur, datetime.time()) - ORIGINE).days}
    if isinstance(valeur, datetime.time):
        return {"d": (valeur.hour * 3600 + valeur.minute * 60 + valeur.second) / 86400}
    return {"s": str(valeur)}


def lire(chemin):
    with warnings.catch_warnings(record=True) as avertis:
        warnings.simplefilter("always")
        classeur = openpyxl.load_workbook(chemin, data_only=True)
        feuilles = []
        for feuille in classeur.worksheets:
            lignes = [[cellule(c.value, c.data_type) for c in ligne] for ligne in feuille.iter_rows()]
            feuilles.append({"nom": feuille.title, "lignes": lignes})
    return {"feuilles": feuilles, "avertissements": [str(a.message) for a in avertis]}


resultat = {}
for chemin in sys.argv[1:]:
    try:
        resultat[chemin] = lire(chemin)
    except Exception as erreur:  # reported per file: the test names it
        resultat[chemin] = {"erreur": f"{type(erreur).__name__}: {erreur}"}
json.dump(resultat, sys.stdout, ensure_ascii=False)
