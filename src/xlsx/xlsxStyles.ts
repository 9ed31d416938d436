/**
 * The styles part (§18.8) and the theme of the workbooks the .xlsx writer (fastWrite.ts) makes: the
 * few fonts, borders and number formats the output sheets use, each cell format made on demand.
 */
import { MAIN, XML_DECLARATION, escapeAttribute } from "./xmlParts";

/** Built-in number formats (§18.8.30): no numFmt element needed. */
const BUILT_IN_FORMATS: ReadonlyMap<string, number> = new Map([
  ["General", 0],
  ["0", 1],
  ["0.00", 2],
  ["#,##0", 3],
  ["#,##0.00", 4],
  ["0%", 9],
  ["0.00%", 10],
  ["@", 49],
]);
/** Custom number formats take ids from 164 (the built-in ones stop below). */
const FIRST_CUSTOM_FORMAT = 164;

/** Fonts (fontId): the default Calibri 11, the title (bold 14), italic, bold. */
export const Font = { regular: 0, title: 1, italic: 2, bold: 3 } as const;
export type Font = (typeof Font)[keyof typeof Font];
const FONT_FACE = '<color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/>';
const FONTS = ['<sz val="11"/>', '<b/><sz val="14"/>', '<i/><sz val="11"/>', '<b/><sz val="11"/>'].map(
  (look) => `<font>${look}${FONT_FACE}</font>`,
);

/** Borders (borderId): none, and the totals row's thin line above and double line below. */
export const Border = { none: 0, totals: 1 } as const;
export type Border = (typeof Border)[keyof typeof Border];

interface CellStyle {
  readonly format: string;
  readonly font?: Font;
  readonly border?: Border;
  readonly alignLeft?: boolean;
}

/** The styles part (§18.8): cell formats (cellXfs) and table column formats (dxfs), made on demand. */
export class Styles {
  private readonly customFormats = new Map<string, number>();
  private readonly xfs: string[] = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private readonly xfIndexes = new Map<string, number>([["0|0|0|false", 0]]);
  private readonly dxfs: string[] = [];
  private readonly dxfIndexes = new Map<string, number>();

  private formatId(code: string): number {
    const builtIn = BUILT_IN_FORMATS.get(code);
    if (builtIn !== undefined) return builtIn;
    let id = this.customFormats.get(code);
    if (id === undefined) {
      id = FIRST_CUSTOM_FORMAT + this.customFormats.size;
      this.customFormats.set(code, id);
    }
    return id;
  }

  /** The index of a cell format (the `s` attribute of a cell). */
  cell({ format, font = Font.regular, border = Border.none, alignLeft = false }: CellStyle): number {
    const formatId = this.formatId(format);
    const key = `${formatId}|${font}|${border}|${alignLeft}`;
    let index = this.xfIndexes.get(key);
    if (index === undefined) {
      index = this.xfs.length;
      let xf = `<xf numFmtId="${formatId}" fontId="${font}" fillId="0" borderId="${border}" xfId="0"`;
      if (formatId !== 0) xf += ' applyNumberFormat="1"';
      if (font !== Font.regular) xf += ' applyFont="1"';
      if (border !== Border.none) xf += ' applyBorder="1"';
      xf += alignLeft ? ' applyAlignment="1"><alignment horizontal="left"/></xf>' : "/>";
      this.xfs.push(xf);
      this.xfIndexes.set(key, index);
    }
    return index;
  }

  /** The index of a differential format holding a number format (a table column's `dataDxfId`). */
  tableColumn(format: string): number {
    let index = this.dxfIndexes.get(format);
    if (index === undefined) {
      index = this.dxfs.length;
      this.dxfs.push(
        `<dxf><numFmt numFmtId="${this.formatId(format)}" formatCode="${escapeAttribute(format)}"/></dxf>`,
      );
      this.dxfIndexes.set(format, index);
    }
    return index;
  }

  xml(): string {
    let xml = `${XML_DECLARATION}<styleSheet xmlns="${MAIN}">`;
    if (this.customFormats.size > 0) {
      xml += `<numFmts count="${this.customFormats.size}">`;
      for (const [code, id] of this.customFormats) {
        xml += `<numFmt numFmtId="${id}" formatCode="${escapeAttribute(code)}"/>`;
      }
      xml += "</numFmts>";
    }
    xml += `<fonts count="${FONTS.length}">${FONTS.join("")}</fonts>`;
    xml +=
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>';
    xml +=
      '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>' +
      '<border><left/><right/><top style="thin"><color indexed="64"/></top><bottom style="double"><color indexed="64"/></bottom><diagonal/></border></borders>';
    xml += '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>';
    xml += `<cellXfs count="${this.xfs.length}">${this.xfs.join("")}</cellXfs>`;
    xml += '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>';
    xml += `<dxfs count="${this.dxfs.length}">${this.dxfs.join("")}</dxfs>`;
    xml +=
      '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>';
    return xml + "</styleSheet>";
  }
}

/**
 * The Office theme of Excel 2007-2010 (colours and fonts), what the tables' TableStyleMedium2 and
 * the fonts' « minor » scheme refer to; the fill, line and effect lists hold the minimum the schema
 * asks for (three of each), as only drawings use them.
 */
export const THEME = (() => {
  const colours = [
    ["dk1", '<a:sysClr val="windowText" lastClr="000000"/>'],
    ["lt1", '<a:sysClr val="window" lastClr="FFFFFF"/>'],
    ["dk2", '<a:srgbClr val="1F497D"/>'],
    ["lt2", '<a:srgbClr val="EEECE1"/>'],
    ["accent1", '<a:srgbClr val="4F81BD"/>'],
    ["accent2", '<a:srgbClr val="C0504D"/>'],
    ["accent3", '<a:srgbClr val="9BBB59"/>'],
    ["accent4", '<a:srgbClr val="8064A2"/>'],
    ["accent5", '<a:srgbClr val="4BACC6"/>'],
    ["accent6", '<a:srgbClr val="F79646"/>'],
    ["hlink", '<a:srgbClr val="0000FF"/>'],
    ["folHlink", '<a:srgbClr val="800080"/>'],
  ]
    .map(([name, colour]) => `<a:${name}>${colour}</a:${name}>`)
    .join("");
  const font = (latin: string) => `<a:latin typeface="${latin}"/><a:ea typeface=""/><a:cs typeface=""/>`;
  const fill = '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>';
  const three = (item: string) => item + item + item;
  return (
    `${XML_DECLARATION}<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office Theme">` +
    `<a:themeElements><a:clrScheme name="Office">${colours}</a:clrScheme>` +
    `<a:fontScheme name="Office"><a:majorFont>${font("Cambria")}</a:majorFont><a:minorFont>${font("Calibri")}</a:minorFont></a:fontScheme>` +
    `<a:fmtScheme name="Office"><a:fillStyleLst>${three(fill)}</a:fillStyleLst>` +
    `<a:lnStyleLst>${three(`<a:ln w="9525">${fill}</a:ln>`)}</a:lnStyleLst>` +
    `<a:effectStyleLst>${three("<a:effectStyle><a:effectLst/></a:effectStyle>")}</a:effectStyleLst>` +
    `<a:bgFillStyleLst>${three(fill)}</a:bgFillStyleLst></a:fmtScheme></a:themeElements>` +
    "<a:objectDefaults/><a:extraClrSchemeLst/></a:theme>"
  );
})();
