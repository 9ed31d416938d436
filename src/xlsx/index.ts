/** The Workbook port over .xlsx and .csv files (ExcelJS, Node only), for the command line. */
export * from "./errors";
export * from "./cells";
export * from "./csv";
export * from "./read";
export * from "./write";
export * from "./workbook";
