/**
 * The row of tabs that switches screens: the WAI-ARIA « tabs » pattern (role tablist/tab,
 * aria-selected, one tab in the Tab order, ←/→/Home/End move and select) over Fluent buttons.
 *
 * At 320–360 pixels the six tabs do not fit: they stay on one row (never wrapped under each other,
 * which moved the screen down as it changed) and the row scrolls sideways, the selected tab always
 * scrolled into view; the thin scroll bar and the cut last tab show that there are more.
 *
 * Décision (regles.md#technique.poids-volet): not Fluent's TabList. Its arrow-key navigation brings tabster's Mover and the tabs'
 * animated styles, about 21 KB of gzipped JavaScript — with it the pane weighed 174 KB, above the
 * 165 KB budget of design.md §8 — for what these few lines do.
 */
import { useEffect, useRef, type KeyboardEvent } from "react";
import { makeResetStyles, makeStyles, mergeClasses } from "@fluentui/react-components";
import { Button } from "../components/Button";
import { tokens } from "../tokens";

// The row: a reset style, its only class; a tab's look is given to the Button (a reset style itself)
// and stays atomic.
const useListe = makeResetStyles({
  display: "flex",
  flexWrap: "nowrap",
  overflowX: "auto",
  scrollbarWidth: "thin",
  gap: tokens.spacingHorizontalXXS,
  borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
});

const useStyles = makeStyles({
  onglet: {
    minWidth: 0,
    flexShrink: 0,
    whiteSpace: "nowrap",
    paddingInline: tokens.spacingHorizontalS,
    borderRadius: `${tokens.borderRadiusMedium} ${tokens.borderRadiusMedium} 0 0`,
    borderBottom: `${tokens.strokeWidthThicker} solid transparent`,
  },
  actif: {
    borderBottomColor: tokens.colorCompoundBrandStroke,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
  },
});

export interface TabItem {
  readonly id: string;
  readonly label: string;
}

export const tabId = (id: string) => `onglet-${id}`;
export const panelId = (id: string) => `ecran-${id}`;

/** The tab a key leads to from `index`, or null for keys the pattern does not use. */
export function tabAfterKey(key: string, index: number, count: number): number | null {
  switch (key) {
    case "ArrowRight":
      return (index + 1) % count;
    case "ArrowLeft":
      return (index - 1 + count) % count;
    case "Home":
      return 0;
    case "End":
      return count - 1;
    default:
      return null;
  }
}

export function ScreenTabs({
  items,
  selected,
  label,
  onSelect,
}: {
  items: readonly TabItem[];
  selected: string;
  label: string;
  onSelect: (id: string) => void;
}) {
  const styles = useStyles();
  const liste = useListe();
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const index = items.findIndex((item) => item.id === selected);
  useEffect(() => {
    buttons.current[index]?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [index]);
  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const next = tabAfterKey(event.key, index, items.length);
    if (next === null) return;
    event.preventDefault();
    onSelect(items[next].id);
    buttons.current[next]?.focus();
  };
  return (
    <div role="tablist" aria-label={label} className={liste}>
      {items.map((item, index) => {
        const active = item.id === selected;
        return (
          <Button
            key={item.id}
            ref={(element) => {
              buttons.current[index] = element as HTMLButtonElement | null;
            }}
            appearance="subtle"
            size="small"
            role="tab"
            id={tabId(item.id)}
            aria-selected={active}
            aria-controls={panelId(item.id)}
            tabIndex={active ? 0 : -1}
            className={mergeClasses(styles.onglet, active && styles.actif)}
            onClick={() => onSelect(item.id)}
            onKeyDown={(event) => onKeyDown(event, index)}
          >
            {item.label}
          </Button>
        );
      })}
    </div>
  );
}
