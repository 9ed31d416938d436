/**
 * The screens of the pane, in tab order. A screen is a component with no props (it takes what it needs
 * from ServicesContext); adding one (Demande, Bilan…) is adding a line here. Screens other than the
 * first are loaded on first visit (React.lazy), so the pane opens on the code it shows.
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
      import(/* webpackChunkName: "ecran-dotations" */ "../dotations/DotationsScreen").then((m) => ({
        default: m.DotationsScreen,
      })),
    ),
  },
  {
    id: "catalogue",
    label: "Catalogue",
    Component: lazy(() =>
      import(/* webpackChunkName: "ecran-catalogue" */ "../catalogue/CatalogueScreen").then((m) => ({
        default: m.CatalogueScreen,
      })),
    ),
  },
  {
    id: "parametres",
    label: "Paramètres",
    Component: lazy(() =>
      import(/* webpackChunkName: "ecran-parametres" */ "../parametres/ParametresScreen").then((m) => ({
        default: m.ParametresScreen,
      })),
    ),
  },
];
