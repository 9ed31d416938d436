/** The port's Progress, as the adapter honours it: reported after each chunk, checked between chunks. */
import { AbortedError, type Progress } from "../workbook/port";

export function throwIfAborted(progress: Progress): void {
  if (progress.signal?.aborted) throw new AbortedError();
}

export function reportProgress(progress: Progress, done: number, total: number): void {
  progress.onProgress?.(done, total);
}
