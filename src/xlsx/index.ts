/** The Workbook port over .xlsx and .csv files (own reader and writer, ExcelJS as a reading fallback; Node only), for the command line. */
export * from "./errors";
export * from "./cells";
export * from "./csv";
export * from "./read";
export * from "./write";
export * from "./workbook";
