/**
 * The task pane: a title, a tab per screen (SCREENS), the screen shown, and the way to the help.
 * Screens stay mounted once visited, so a result (or a computation in progress) is still there when
 * the user comes back from another tab.
 */
import { Suspense, useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { makeResetStyles, makeStyles } from "@fluentui/react-components";
import { tokens } from "./tokens";
import type { CorrectionColonnes } from "../workflows/types";
import {
  CorrectionsContext,
  GoToContext,
  ServicesContext,
  type Corrections,
  type Services,
} from "./services";
import { Caption1, Subtitle2, Notice } from "./components/ui";
import { ScreenTabs, panelId, tabId } from "./shell/ScreenTabs";
import { SCREENS, type ScreenDefinition } from "./shell/screens";
import { useTypographie } from "./components/typographie";

/**
 * The number of ARE.* functions, counted from their metadata by the build (webpack.config.js,
 * DefinePlugin); outside a build (jest) the footer simply says « les fonctions ».
 */
const NOMBRE_FONCTIONS = process.env.ARE_NOMBRE_FONCTIONS ?? "";

// The page, a panel and the link: reset styles, the only class of their element; the title and the
// footer (given to the text presets, reset styles themselves) stay atomic.
const usePage = makeResetStyles({
  display: "flex",
  flexDirection: "column",
  gap: tokens.spacingVerticalS,
  padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
  minWidth: 0,
});
const usePanneau = makeResetStyles({ outline: "none", minWidth: 0 });
const useLien = makeResetStyles({ color: tokens.colorBrandForegroundLink });

const useStyles = makeStyles({
  // One line at 320 pixels: the short title, cut with an ellipsis rather than wrapped if need be.
  // One line in Segoe UI at 320 px; a wider font (DejaVu Sans, Linux's default) wraps it, never cuts it.
  titre: { display: "block", margin: 0 },
  pied: { display: "block", color: tokens.colorNeutralForeground3, marginTop: tokens.spacingVerticalL },
});

export function App({
  services,
  screens = SCREENS,
}: {
  services: Services;
  screens?: readonly ScreenDefinition[];
}) {
  const styles = useStyles();
  const pageClassName = usePage();
  const panneau = usePanneau();
  const lien = useLien();
  const [current, setCurrent] = useState(screens[0].id);
  const [visited, setVisited] = useState<ReadonlySet<string>>(() => new Set([screens[0].id]));
  const focusPanel = useRef(false);
  const panels = useRef(new Map<string, HTMLDivElement>());
  const page = useRef<HTMLDivElement>(null);
  useTypographie(page);
  const etat = useSyncExternalStore(services.store.abonner, services.store.etat);
  const etatListes = useSyncExternalStore(services.listes.abonner, services.listes.etat);
  const [bySheet, setBySheet] = useState<Readonly<Record<string, CorrectionColonnes>>>({});
  const corrections = useMemo<Corrections>(
    () => ({
      bySheet,
      // An empty correction (the automatic mapping) is no correction: the sheet leaves the list.
      set: (sheet, correction) =>
        setBySheet((before) => {
          const { [sheet]: _previous, ...others } = before;
          return Object.keys(correction).length > 0 ? { ...others, [sheet]: correction } : others;
        }),
    }),
    [bySheet],
  );

  const show = useCallback((id: string) => {
    setCurrent(id);
    setVisited((before) => (before.has(id) ? before : new Set(before).add(id)));
  }, []);

  /** From a link inside a screen: show the screen and move the focus to it (keyboard, screen readers). */
  const goTo = useCallback(
    (id: string) => {
      focusPanel.current = true;
      show(id);
    },
    [show],
  );

  useEffect(() => {
    if (!focusPanel.current) return;
    focusPanel.current = false;
    panels.current.get(current)?.focus();
  }, [current]);

  return (
    <ServicesContext.Provider value={services}>
      <GoToContext.Provider value={goTo}>
        <CorrectionsContext.Provider value={corrections}>
          <div className={pageClassName} ref={page}>
            <header>
              <Subtitle2
                as="h1"
                className={styles.titre}
                title="ARE — Aide régionale à l'équipement des élèves, Région Île-de-France"
              >
                ARE — Aide à l&apos;équipement des élèves
              </Subtitle2>
            </header>
            {etat.avertissement && <Notice intent="warning">{etat.avertissement}</Notice>}
            {etatListes.avertissement && <Notice intent="warning">{etatListes.avertissement}</Notice>}
            <nav>
              <ScreenTabs items={screens} selected={current} label="Écrans du volet ARE" onSelect={show} />
            </nav>
            <main>
              {screens.map(({ id, Component }) =>
                visited.has(id) ? (
                  <div
                    key={id}
                    id={panelId(id)}
                    role="tabpanel"
                    aria-labelledby={tabId(id)}
                    hidden={id !== current}
                    tabIndex={-1}
                    className={panneau}
                    ref={(element) => {
                      if (element) panels.current.set(id, element);
                      else panels.current.delete(id);
                    }}
                  >
                    <Suspense fallback={<Caption1 role="status">Chargement de l&apos;écran…</Caption1>}>
                      <Component />
                    </Suspense>
                  </div>
                ) : null,
              )}
            </main>
            <footer>
              <Caption1 className={styles.pied}>
                Fonctions de feuille : <code>=ARE.FORFAIT(2024)</code>, <code>=ARE.ELIGIBLE(B2:B5000)</code>…{" "}
                <a className={lien} href="aide.html" target="_blank" rel="noopener">
                  Aide : les {NOMBRE_FONCTIONS} fonctions ARE.*
                </a>
              </Caption1>
            </footer>
          </div>
        </CorrectionsContext.Provider>
      </GoToContext.Provider>
    </ServicesContext.Provider>
  );
}
