// Blob, EncodingUtil and Crypto's random numbers (Apex Reference, "Blob Class", "EncodingUtil Class",
// "Crypto Class").
import { randomBytes } from 'node:crypto';
import { defineNative } from '../interpreter/natives.mjs';
import { ApexBlob } from './values.mjs';
import { fail } from './types.mjs';
import { required } from './native-util.mjs';

const blobOf = (text) => new ApexBlob(new Uint8Array(Buffer.from(text, 'utf8')));
const bufferOf = (blob) => Buffer.from(blob.bytes);

export const BlobNative = defineNative({
    name: 'Blob',
    isInstance: (value) => value instanceof ApexBlob,
    staticMethods: {
        valueof: (rt, [text]) => blobOf(required(rt, text)),
        topdf: (rt) => rt.unsupported('Blob.toPdf')
    },
    instanceMethods: {
        size: (rt, blob) => blob.bytes.length,
        // Apex Reference, Blob Class: toString casts the Blob to a String (UTF-8).
        tostring: (rt, blob) => bufferOf(blob).toString('utf8')
    }
});

/** Java URLEncoder.encode(s, 'UTF-8'): spaces become '+', and * - . _ stay. */
function urlEncode(text) {
    return encodeURIComponent(text)
        .replace(/%20/g, '+')
        .replace(/[!'()~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

const checkUtf8 = (rt, encoding) => {
    if (!/^utf-?8$/i.test(String(encoding))) {
        fail(rt, 'System.StringException', `Unsupported encoding: ${encoding}`);
    }
};

export const EncodingUtilNative = defineNative({
    name: 'EncodingUtil',
    staticMethods: {
        base64encode: (rt, [blob]) => bufferOf(required(rt, blob)).toString('base64'),
        base64decode: (rt, [text]) => new ApexBlob(new Uint8Array(Buffer.from(required(rt, text), 'base64'))),
        converttohex: (rt, [blob]) => bufferOf(required(rt, blob)).toString('hex'),
        convertfromhex: (rt, [text]) => new ApexBlob(new Uint8Array(Buffer.from(required(rt, text), 'hex'))),
        urlencode(rt, [text, encoding]) {
            checkUtf8(rt, encoding);
            return urlEncode(required(rt, text));
        },
        urldecode(rt, [text, encoding]) {
            checkUtf8(rt, encoding);
            return decodeURIComponent(required(rt, text).replace(/\+/g, ' '));
        }
    }
});

export const CryptoNative = defineNative({
    name: 'Crypto',
    staticMethods: {
        getrandominteger: () => randomBytes(4).readInt32BE(0),
        getrandomlong: () => randomBytes(8).readBigInt64BE(0),
        generateaeskey: (rt) => rt.unsupported('Crypto.generateAesKey'),
        generatedigest: (rt) => rt.unsupported('Crypto.generateDigest'),
        generatemac: (rt) => rt.unsupported('Crypto.generateMac')
    }
});
