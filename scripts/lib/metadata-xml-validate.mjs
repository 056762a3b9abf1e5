// Validates one parsed metadata XML document against the Metadata API model (scripts/lib/metadata-model.mjs):
// element names, single versus repeated elements, value kinds (boolean, number, enum literal), text versus
// nested content, attributes, and required elements. Returns findings { line, message } for one file.
import { all, attributes, elements, hasChildren, textOf } from './metadata-tree.mjs';
import { Locator, listOf, suggestion } from './metadata-text.mjs';
import { validateTargetConfigs } from './metadata-lwc.mjs';

export const METADATA_NAMESPACE = 'http://soap.sforce.com/2006/04/metadata';
// Files created by the Developer Console or some IDEs carry the Tooling API namespace and an fqn attribute;
// the Metadata API accepts them (Salesforce's own sample apps deploy with them).
const TOOLING_NAMESPACE = 'urn:metadata.tooling.soap.sforce.com';

const BOOLEAN = /^(true|false)$/;
const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const INTEGER = /^[-+]?\d+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const TIME = /^\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z?$/;

/** How a value declared with `xsi:type="xsd:..."` must look (custom metadata record values use these). */
const XSD_VALUES = {
    'xsd:string': () => true,
    'xsd:boolean': (v) => BOOLEAN.test(v),
    'xsd:int': (v) => INTEGER.test(v),
    'xsd:long': (v) => INTEGER.test(v),
    'xsd:double': (v) => NUMBER.test(v),
    'xsd:decimal': (v) => NUMBER.test(v),
    'xsd:date': (v) => DATE.test(v),
    'xsd:dateTime': (v) => DATE_TIME.test(v),
    'xsd:time': (v) => TIME.test(v)
};

/**
 * Elements whose source format differs from the Metadata API model, validated by their own rules instead.
 * LightningComponentBundle.targetConfigs is a base64 string in the API but nested XML in the js-meta.xml file.
 */
const SPECIAL = {
    'LightningComponentBundle.targetConfigs': validateTargetConfigs
};

/**
 * Required elements are only those the model marks non-optional AND that a deploy really insists on. The WSDL
 * marks every list "required" (an empty list is simply absent) and many booleans and numbers that the API
 * defaults to false / 0: Salesforce's coral-cloud sample deploys GenAiPlugin instructions without the
 * "required" <sortOrder>. So only text, enum and nested elements are held to the model's required flag: over
 * eight public sample projects (about 2,500 metadata files) that produced no false report.
 */
function isRequired(spec) {
    return !spec.optional && !spec.array && ['string', 'enum', 'complex'].includes(spec.kind);
}

/**
 * Checks a document. `rootName`/`root` come from readMetadataXml, `typeName` is the metadata type the file's
 * name and folder say it holds (from SDR), `fileName` the file's base name, `text` the raw XML for line numbers.
 */
export function validateDocument({ model, text, rootName, root, typeName, fileName }) {
    const findings = [];
    const locator = new Locator(text);
    const report = (offset, message) => findings.push({ line: locator.line(offset), message });

    const expectedRoot = rootElementFor(typeName, fileName);
    if (rootName !== expectedRoot) {
        report(
            locator.find(rootName),
            `root element <${rootName}> does not match the file's type (expected <${expectedRoot}>)`
        );
        return findings;
    }
    typeName = expectedRoot;
    const rootOffset = locator.find(rootName) ?? 0;
    const namespace = attributes(root).xmlns;
    if (namespace !== METADATA_NAMESPACE && namespace !== TOOLING_NAMESPACE) {
        report(
            rootOffset,
            `${typeName}: root element must declare xmlns="${METADATA_NAMESPACE}"` +
                (namespace ? ` (found "${namespace}")` : '')
        );
    }
    if (!model.types[typeName]) return findings;

    const context = { model, locator, report, root };
    validateComplex(context, root, typeName, typeName, rootOffset, true);
    return findings;
}

/** Settings files are one SDR type, but each file's root is its own type: Foo.settings-meta.xml holds <FooSettings>. */
function rootElementFor(typeName, fileName) {
    if (typeName === 'Settings') return `${fileName.split('.')[0]}Settings`;
    return typeName;
}

/** A complex element: its attributes, that it holds no stray text, each child element, required children. */
function validateComplex(context, node, typeName, path, offset, isRoot = false) {
    const { model, locator, report } = context;
    const props = model.types[typeName];
    checkAttributes(context, node, path, offset, isRoot);
    if (typeof node === 'object' && textOf(node) !== '' && hasChildren(node)) {
        report(
            locator.findText(textOf(node), offset) ?? offset,
            `${path}: unexpected text "${textOf(node)}" between child elements`
        );
    }
    for (const [name, items] of elements(node)) {
        const spec = props[name];
        const childOffset = (index) => locator.find(name, offset, index) ?? offset;
        if (!spec) {
            const hint = suggestion(name, Object.keys(props), (s) => `<${s}>`);
            report(childOffset(0), `${path}: unknown element <${name}>${hint}`);
            continue;
        }
        if (!spec.array && items.length > 1) {
            report(childOffset(1), `${path}.${name}: appears ${items.length} times but holds a single value`);
        }
        const special = SPECIAL[`${typeName}.${name}`];
        items.forEach((item, index) => {
            if (special) special(context, item, `${path}.${name}`, childOffset(index));
            else validateValue(context, item, spec, `${path}.${name}`, childOffset(index));
        });
    }
    for (const [name, spec] of Object.entries(props)) {
        if (isRequired(spec) && all(node, name).length === 0) {
            report(offset, `${path}: missing required element <${name}>`);
        }
    }
}

/** One occurrence of an element, checked against its declared kind. */
function validateValue(context, item, spec, path, offset) {
    const { model, report } = context;
    const attrs = attributes(item);
    if (attrs['xsi:nil'] === 'true') {
        if (textOf(item) !== '' || hasChildren(item)) report(offset, `${path}: has xsi:nil="true" but also a value`);
        return;
    }
    if (spec.kind === 'complex') {
        // xsi:type picks a subtype for polymorphic elements; unknown subtypes are left unchecked.
        const subtype = attrs['xsi:type']?.replace(/^\w+:/, '');
        const typeName = subtype ? (model.types[subtype] ? subtype : undefined) : spec.name;
        if (!typeName) return;
        if (typeof item !== 'object' && textOf(item) !== '') {
            report(offset, `${path}: holds text "${textOf(item)}" but expects child elements (${typeName})`);
            return;
        }
        validateComplex(context, item, typeName, path, offset);
        return;
    }
    checkAttributes(context, item, path, offset, false);
    if (hasChildren(item)) {
        const names = elements(item).map(([name]) => `<${name}>`);
        report(offset, `${path}: holds child elements ${names.join(', ')} but is a ${describeKind(spec)} value`);
        return;
    }
    const value = textOf(item);
    if (spec.kind === 'boolean' && !BOOLEAN.test(value)) {
        report(offset, `${path}: "${value}" is not a boolean (true or false)`);
    } else if (spec.kind === 'number' && !NUMBER.test(value)) {
        report(offset, `${path}: "${value}" is not a number`);
    } else if (spec.kind === 'enum') {
        const allowed = model.enums[spec.name];
        if (!allowed.includes(value)) {
            const hint = suggestion(value, allowed);
            report(offset, `${path}: "${value}" is not one of ${listOf(allowed)}${hint}`);
        }
    } else if (spec.kind === 'any' && attrs['xsi:type']) {
        checkXsdValue(context, attrs['xsi:type'], value, path, offset);
    }
}

function checkXsdValue({ report }, xsdType, value, path, offset) {
    const accepts = XSD_VALUES[xsdType];
    if (!accepts) {
        const hint = suggestion(xsdType, Object.keys(XSD_VALUES));
        report(offset, `${path}: unknown xsi:type "${xsdType}"${hint}`);
    } else if (!accepts(value)) {
        report(offset, `${path}: "${value}" is not a valid ${xsdType}`);
    }
}

/** Metadata XML carries namespace declarations on the root and xsi:type / xsi:nil; any other attribute is a slip. */
function checkAttributes({ report }, item, path, offset, isRoot) {
    for (const name of Object.keys(attributes(item))) {
        if (name === 'xsi:type' || name === 'xsi:nil') continue;
        if (isRoot && (name === 'xmlns' || name.startsWith('xmlns:') || name === 'fqn')) continue;
        report(offset, `${path}: unexpected attribute ${name}="${attributes(item)[name]}"`);
    }
}

function describeKind(spec) {
    return spec.kind === 'enum' ? `${spec.name} (enumeration)` : spec.kind;
}
