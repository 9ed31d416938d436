/**
 * Follows the workbook's list of sheets for the screens that offer sheets to read (Dotations, Demande,
 * Bilan): a rectorat sheet pasted in a new tab, an establishments sheet renamed or deleted while the
 * pane is open appear in their lists without « Actualiser ».
 *
 * Office.js events: `worksheets.onAdded` and `onDeleted` (ExcelApi 1.7, within the manifest's 1.8),
 * `onNameChanged` only where ExcelApi 1.17 is supported (older Excel: a rename shows on « Actualiser »).
 * Handlers registered in an `Excel.run` outlive it; they are removed in a batch on the request context
 * they were added with, as Office.js requires.
 */
import type { ExcelRun } from "../../excel";

type Handler = OfficeExtension.EventHandlerResult<unknown>;

/** `Excel.run` on an existing request context (to remove handlers added in another batch). */
export type ExcelRunOn = <T>(
  context: OfficeExtension.ClientRequestContext,
  batch: (context: Excel.RequestContext) => Promise<T>,
) => Promise<T>;

const officeRun: ExcelRun = (batch) => Excel.run(batch);
const officeRunOn: ExcelRunOn = (context, batch) => Excel.run(context, batch);

/** Whether Excel supports worksheet rename events (ExcelApi 1.17). */
function renameEventsSupported(): boolean {
  return (
    typeof Office !== "undefined" && Office.context?.requirements?.isSetSupported("ExcelApi", "1.17") === true
  );
}

/**
 * Calls `listener` after a sheet is added, deleted or renamed; returns the function that stops it.
 * Registration failing (an Excel without these events) is silent: the lists still follow
 * « Actualiser la liste des feuilles ».
 */
export function watchSheets(
  listener: () => void,
  run: ExcelRun = officeRun,
  runOn: ExcelRunOn = officeRunOn,
  withRenames: boolean = renameEventsSupported(),
): () => void {
  let stopped = false;
  let handlers: Handler[] = [];
  const notify = async (): Promise<void> => {
    if (!stopped) listener();
  };
  const remove = async (): Promise<void> => {
    const first = handlers[0];
    if (!first) return;
    const removed = handlers;
    handlers = [];
    await runOn(first.context, async (context) => {
      for (const handler of removed) handler.remove();
      await context.sync();
    });
  };
  run(async (context) => {
    const worksheets = context.workbook.worksheets;
    const added: Handler[] = [worksheets.onAdded.add(notify), worksheets.onDeleted.add(notify)];
    if (withRenames) added.push(worksheets.onNameChanged.add(notify));
    await context.sync();
    return added;
  })
    .then((added) => {
      handlers = added;
      // Stopped while registering: the handlers just added go at once.
      if (stopped) return remove();
    })
    .catch(() => undefined);
  return () => {
    stopped = true;
    void remove().catch(() => undefined);
  };
}
