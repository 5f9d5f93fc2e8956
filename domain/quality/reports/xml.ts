import { XMLParser, XMLValidator } from "fast-xml-parser";
import { isRecord } from "./types";

/**
 * XML reports (Cobertura, JaCoCo, Clover, JUnit) read with fast-xml-parser: attributes without a prefix,
 * every element that can repeat read as a list, DOCTYPE declarations (JaCoCo's, Cobertura's) skipped and
 * never fetched, entities not expanded beyond the XML built-ins.
 */
const REPEATED = new Set(["testsuite", "testcase", "package", "class", "counter", "file", "line", "method"]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseAttributeValue: false,
  parseTagValue: false,
  processEntities: false,
  isArray: (name) => REPEATED.has(name),
});

export type XmlNode = Record<string, unknown>;

/** The document's root element name and node, or null when the text is not well-formed XML. */
export function parseXml(text: string): { root: string; node: XmlNode } | null {
  const trimmed = text.trimStart();
  if (!trimmed.startsWith("<")) return null;
  if (XMLValidator.validate(trimmed) !== true) return null;
  const doc = parser.parse(trimmed) as unknown;
  if (!isRecord(doc)) return null;
  const root = Object.keys(doc).find((k) => !k.startsWith("?") && !k.startsWith("!"));
  if (!root) return null;
  // a root named like a repeatable element (<testsuite>) comes back as a one-item list
  const value = doc[root];
  const node: unknown = Array.isArray(value) ? value[0] : value;
  return { root, node: isRecord(node) ? node : {} };
}

/** A child list (absent → []). */
export function children(node: XmlNode, name: string): XmlNode[] {
  const value = node[name];
  if (Array.isArray(value)) return value.filter(isRecord);
  return isRecord(value) ? [value] : [];
}
