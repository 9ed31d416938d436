/**
 * A small element tree over saxes, the strict XML 1.0 parser already installed with ExcelJS: it rejects
 * anything not well-formed (unclosed or mismatched tags, bad attributes, undeclared prefixes).
 */
import { SaxesParser, type SaxesTagNS } from "saxes";

export interface XmlElement {
  /** Local name, without prefix: « Runtime », « Image ». */
  readonly name: string;
  /** Namespace URI. */
  readonly uri: string;
  /** Attributes by qualified name as written: « resid », « xsi:type ». */
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  text: string;
}

export function parseXml(source: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let failure: Error | null = null;
  parser.on("error", (error) => {
    failure ??= error;
  });
  parser.on("opentag", (tag: SaxesTagNS) => {
    const attributes: Record<string, string> = {};
    for (const [name, attribute] of Object.entries(tag.attributes)) attributes[name] = attribute.value;
    const element: XmlElement = { name: tag.local, uri: tag.uri, attributes, children: [], text: "" };
    if (stack.length > 0) stack[stack.length - 1].children.push(element);
    else root = element;
    stack.push(element);
  });
  parser.on("text", (text) => {
    if (stack.length > 0) stack[stack.length - 1].text += text;
  });
  parser.on("closetag", () => {
    stack.pop();
  });
  parser.write(source).close();
  if (failure) throw failure;
  if (!root) throw new Error("document XML vide");
  return root;
}

/** Every element of the tree, depth first. */
export function allElements(root: XmlElement): XmlElement[] {
  return [root, ...root.children.flatMap(allElements)];
}

/** The first descendant reached by a path of local names, e.g. child(root, "Hosts", "Host"). */
export function child(element: XmlElement, ...path: string[]): XmlElement {
  let current = element;
  for (const name of path) {
    const next = current.children.find((c) => c.name === name);
    if (!next) throw new Error(`<${name}> absent sous <${current.name}>`);
    current = next;
  }
  return current;
}

export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((c) => c.name === name);
}
