/**
 * The screens of the pane, in tab order. A screen is a component with no props (it takes what it needs
 * from ServicesContext); adding one is adding an entry here. Screens other than the
 * first are loaded on first visit (React.lazy), so the pane opens on the code it shows, and share one
 * chunk (« ecrans »): Dotations, Demande and Bilan share helpers (the sheet suggestions) that separate
 * chunks would each carry, and one file compresses better than three — 1.9 KB gzip less, which keeps
 * the page within design.md §8's budget (docs/taskpane.md), for 22 KB gzip loaded at the first visit.
 */
import { lazy, type ComponentType } from "react";
import { CheckScreen } from "../check/CheckScreen";

export interface ScreenDefinition {
  /** Stable identifier, used by links between screens (« Ouvrir Paramètres »). */
  readonly id: string;
  /** The tab's label, in French. */
  readonly label: string;
  readonly Component: ComponentType;
}

export const SCREENS: readonly ScreenDefinition[] = [
  { id: "controle", label: "Contrôle", Component: CheckScreen },
  {
    id: "dotations",
    label: "Dotations",
    Component: lazy(() =>
      import(/* webpackChunkName: "ecrans" */ "../dotations/DotationsScreen").then((m) => ({
        default: m.DotationsScreen,
      })),
    ),
  },
  {
    id: "demande",
    label: "Demande",
    Component: lazy(() =>
      import(/* webpackChunkName: "ecrans" */ "../demande/DemandeScreen").then((m) => ({
        default: m.DemandeScreen,
      })),
    ),
  },
  {
    id: "bilan",
    label: "Bilan",
    Component: lazy(() =>
      import(/* webpackChunkName: "ecrans" */ "../bilan/BilanScreen").then((m) => ({
        default: m.BilanScreen,
      })),
    ),
  },
  {
    id: "catalogue",
    label: "Catalogue",
    Component: lazy(() =>
      import(/* webpackChunkName: "ecrans" */ "../catalogue/CatalogueScreen").then((m) => ({
        default: m.CatalogueScreen,
      })),
    ),
  },
  {
    id: "parametres",
    label: "Paramètres",
    Component: lazy(() =>
      import(/* webpackChunkName: "ecrans" */ "../parametres/ParametresScreen").then((m) => ({
        default: m.ParametresScreen,
      })),
    ),
  },
];
