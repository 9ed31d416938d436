/**
 * What the pane shows when Office.js did not load (a proxy or a firewall blocks Microsoft's CDN, the
 * computer is offline): what is missing and how to fix it, in French — not a blank page. The same text
 * is in taskpane.html, shown by CSS after a delay, for the case where no script runs at all.
 */
import { useRef } from "react";
import { Caption1, Notice } from "../components/ui";
import { useTypographie } from "../components/typographie";

export const OFFICE_JS_URL = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

export function OfficeManquant() {
  const page = useRef<HTMLElement>(null);
  useTypographie(page);
  return (
    <main style={{ padding: "12px" }} ref={page}>
      <Notice intent="error" title="Le volet ARE ne peut pas démarrer : Office.js n'a pas pu être chargé.">
        Le volet a besoin de la bibliothèque d&apos;Office, servie par Microsoft à l&apos;adresse{" "}
        <code>{OFFICE_JS_URL}</code>. Elle est bloquée (proxy, pare-feu) ou l&apos;ordinateur est hors ligne.
      </Notice>
      <Caption1 as="p">
        Pour corriger : vérifiez la connexion à Internet ; si elle fonctionne, demandez au service
        informatique d&apos;autoriser <code>appsforoffice.microsoft.com</code> dans le proxy ; puis fermez et
        rouvrez le volet (bouton « Volet ARE » de l&apos;onglet Accueil). Vos feuilles ne sont pas touchées.
      </Caption1>
    </main>
  );
}
